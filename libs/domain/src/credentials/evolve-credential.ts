import type { CredentialEvent, CredentialPrincipal, CredentialSharing } from '@keyward/contracts';
import type { CredentialState } from './credential.state';

const withPrincipal = (sharing: CredentialSharing, { kind, id }: CredentialPrincipal, present: boolean): CredentialSharing => {
  const field = kind === 'key' ? 'keys' : 'roles';
  const others = sharing[field].filter((x) => x !== id);
  return { ...sharing, [field]: present ? [...others, id] : others };
};

/** Folds one event into a credential's state; unknown events and events before it was stored change nothing. */
export const evolveCredential = (state: CredentialState, event: CredentialEvent): CredentialState => {
  if (event.type === 'CredentialStored') {
    return { status: 'active', ...event.data, rotatedAt: null, updatedAt: event.data.storedAt };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'CredentialChanged': {
      const { name, location, parameterName, allowedHosts, changedAt } = event.data;
      return { ...state, name, location, parameterName, allowedHosts, updatedAt: changedAt };
    }
    case 'CredentialValueRotated': {
      const { sealedValue, lastFour, rotatedAt } = event.data;
      return { ...state, sealedValue, lastFour, rotatedAt, updatedAt: rotatedAt };
    }
    case 'CredentialShared':
      return { ...state, sharedWith: withPrincipal(state.sharedWith, event.data.principal, true) };
    case 'CredentialUnshared':
      return { ...state, sharedWith: withPrincipal(state.sharedWith, event.data.principal, false) };
    case 'CredentialDeleted':
      return { ...state, status: 'deleted' };
    default:
      return state;
  }
};
