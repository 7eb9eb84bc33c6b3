import type { KeyEvent } from '@keyward/contracts';
import type { KeyState } from './key.state';

/** Total: an event this version does not know leaves the state as it was. */
export const evolveKey = (state: KeyState, event: KeyEvent): KeyState => {
  switch (event.type) {
    case 'KeyCreated': {
      const d = event.data;
      return {
        status: 'active',
        keyId: d.keyId,
        workspaceId: d.workspaceId,
        name: d.name,
        environment: d.environment,
        createdAt: d.createdAt,
        expiresAt: d.expiresAt,
        secret: { secretHash: d.secretHash, prefix: d.prefix, lastFour: d.lastFour },
        previousSecrets: [],
        roles: d.roles,
        permissions: d.permissions,
        unrestricted: d.unrestricted,
        rotatedAt: null,
        revokedAt: null,
      };
    }
    case 'KeyRotated':
      if (state.status === 'absent') return state;
      return {
        ...state,
        secret: { secretHash: event.data.secretHash, prefix: event.data.prefix, lastFour: event.data.lastFour },
        previousSecrets: [...state.previousSecrets, { ...state.secret, validUntil: event.data.previousKeyExpiresAt }],
        rotatedAt: event.data.rotatedAt,
      };
    case 'KeyRevoked':
      return state.status === 'absent' ? state : { ...state, status: 'revoked', revokedAt: event.data.revokedAt };
    default:
      return state;
  }
};
