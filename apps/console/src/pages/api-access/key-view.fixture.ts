import type { components } from '../../api/schema.generated';

type Key = components['schemas']['KeyView'];

/** A key as the API shows it, for the unit specs: an active unlimited key with nothing set, and `overrides`. */
export const keyView = (overrides: Partial<Key> = {}): Key => ({
  id: 'key_1',
  workspaceId: 'default',
  name: 'orders',
  prefix: 'kw_live_AbCd',
  maskedKey: 'kw_live_AbCd…wXyZ',
  environment: 'live',
  createdAt: '2026-01-01T00:00:00.000Z',
  expiresAt: null,
  status: 'active',
  restricted: false,
  roles: [],
  permissions: {},
  shares: [],
  ratelimit: null,
  ipAllowlist: [],
  rotatedAt: null,
  revokedAt: null,
  usageCount: 0,
  lastUsedAt: null,
  stale: false,
  expiresSoon: false,
  enabled: true,
  credits: null,
  ratelimits: [],
  meta: {},
  identityId: null,
  ...overrides,
});
