import type { KeyRow } from '../keys/key-row.entity';
import { toApiKeyUserView } from './api-key-user-view.mapping';

const row = (over: Partial<KeyRow> = {}): KeyRow =>
  Object.assign(
    {
      id: 'key_1', workspaceId: 'ws_1', name: 'orders', prefix: 'kw_live_abcd', maskedKey: 'kw_live_abcd…wxyz', environment: 'live',
      createdAt: new Date('2026-01-01T00:00:00.000Z'), expiresAt: null, lifecycle: 'active', restricted: true, roles: ['role_a'],
      permissions: { calls: 'read' }, shares: [{ resource: 'workflows', resourceId: 'wf_42', access: 'write' }],
      ratelimit: null, ipAllowlist: [], rotatedAt: null, revokedAt: null,
      enabled: true, credits: null, creditsGeneration: 0, creditsSetAt: null, ratelimits: [], meta: {}, identityId: null,
    } satisfies KeyRow,
    over,
  );

describe('toApiKeyUserView', () => {
  it('is the key as its own principal: a service account in no group, never a human seat', () => {
    expect(toApiKeyUserView(row(), new Date('2026-06-01T00:00:00.000Z'))).toEqual({
      id: 'key_1', type: 'api_key', keyId: 'key_1', name: 'orders', status: 'active', unrestricted: false, roles: ['role_a'],
      permissions: { calls: 'read' }, shares: [{ resource: 'workflows', resourceId: 'wf_42', access: 'write' }], groups: [], humanSeat: false,
    });
  });

  it('shows full access as unrestricted and the status as of the given time', () => {
    const view = toApiKeyUserView(row({ restricted: false, expiresAt: new Date('2026-03-01T00:00:00.000Z') }), new Date('2026-06-01T00:00:00.000Z'));
    expect(view).toMatchObject({ unrestricted: true, status: 'expired' });
  });
});
