import type { KeyEvent, StoredSecret } from '@keyward/contracts';
import { NO_META } from '../meta/json-meta';
import { evolveKeyAccess } from './evolve-key-access';
import type { KeyState } from './key.state';

/** Only the three stored fields: event data carries more, and state must not alias it. */
const storedSecret = ({ secretHash, prefix, lastFour }: StoredSecret): StoredSecret => ({ secretHash, prefix, lastFour });

/**
 * Folds one event into the key's state. Total: an event type this version does not know (from
 * a newer writer) and an event before the key's creation leave the state as it was.
 */
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
        secret: storedSecret(d),
        previousSecrets: [],
        roles: d.roles,
        permissions: d.permissions,
        unrestricted: d.unrestricted,
        shares: [],
        // Absent from events written before rate limits and allowlists existed.
        ratelimit: d.ratelimit ?? null,
        ipAllowlist: d.ipAllowlist ?? [],
        rotatedAt: null,
        revokedAt: null,
        deletedAt: null,
        leakReports: [],
        // Absent from events written before issue 14's fields existed, and from keys that set none.
        enabled: true,
        credits: d.credits ?? null,
        creditsGeneration: d.credits === undefined ? 0 : 1,
        creditsSetAt: d.credits === undefined ? null : d.createdAt,
        ratelimits: d.ratelimits ?? [],
        meta: d.meta ?? NO_META,
        identityId: d.identityId ?? null,
      };
    }
    case 'KeyRotated':
      if (state.status === 'absent') return state;
      return {
        ...state,
        secret: storedSecret(event.data),
        previousSecrets: [...state.previousSecrets, { ...state.secret, validUntil: event.data.previousKeyExpiresAt }],
        rotatedAt: event.data.rotatedAt,
      };
    case 'KeyRevoked':
      return state.status === 'absent' ? state : { ...state, status: 'revoked', revokedAt: event.data.revokedAt };
    case 'KeyDeleted':
      return state.status === 'absent'
        ? state
        : { ...state, status: 'revoked', revokedAt: state.revokedAt ?? event.data.deletedAt, deletedAt: event.data.deletedAt };
    case 'KeyRenamed':
      return state.status === 'absent' ? state : { ...state, name: event.data.name };
    case 'KeyExpiryChanged':
      return state.status === 'absent' ? state : { ...state, expiresAt: event.data.expiresAt };
    case 'KeyRateLimitChanged':
      return state.status === 'absent' ? state : { ...state, ratelimit: event.data.ratelimit };
    case 'KeyIpAllowlistChanged':
      return state.status === 'absent' ? state : { ...state, ipAllowlist: event.data.ipAllowlist };
    case 'KeyLeakReported':
      return state.status === 'absent' ? state : { ...state, leakReports: [...state.leakReports, event.data.reportId] };
    case 'KeyCreditsChanged':
      return state.status === 'absent'
        ? state
        : { ...state, credits: event.data.credits, creditsGeneration: event.data.generation, creditsSetAt: event.data.changedAt };
    case 'KeyNamedRateLimitsChanged':
      return state.status === 'absent' ? state : { ...state, ratelimits: event.data.ratelimits };
    case 'KeyMetaChanged':
      return state.status === 'absent' ? state : { ...state, meta: event.data.meta };
    case 'KeyDisabled':
      return state.status === 'absent' ? state : { ...state, enabled: false };
    case 'KeyEnabled':
      return state.status === 'absent' ? state : { ...state, enabled: true };
    case 'RoleAssigned':
    case 'RoleUnassigned':
    case 'KeyPermissionsChanged':
    case 'ResourceShared':
    case 'ResourceUnshared':
      return state.status === 'absent' ? state : evolveKeyAccess(state, event);
    default:
      return state;
  }
};
