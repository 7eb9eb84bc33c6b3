import { keyStatusOf, toKeyView } from './key-view.mapping';
import type { KeyRow } from './key-row.entity';

const NOW = new Date('2026-06-01T00:00:00.000Z');

const row = (over: Partial<KeyRow> = {}): KeyRow =>
  Object.assign(
    {
      id: 'key_1', workspaceId: 'default', name: 'orders', prefix: 'kw_live_abcd', maskedKey: 'kw_live_abcd…wxyz', environment: 'live',
      createdAt: new Date('2026-01-01T00:00:00.000Z'), expiresAt: null, lifecycle: 'active', restricted: true, roles: ['read-only', 'role_a'],
      permissions: { calls: 'write', contacts: 'none' }, shares: [{ resource: 'workflows', resourceId: 'wf_42', access: 'read' }],
      ratelimit: null, ipAllowlist: [], rotatedAt: null, revokedAt: null,
      enabled: true, credits: null, creditsGeneration: 0, creditsSetAt: null, ratelimits: [], meta: {}, identityId: null,
      usage: { workspaceId: 'default', keyId: 'key_1', usageCount: '12', lastUsedAt: new Date('2026-05-30T00:00:00.000Z') },
    } satisfies KeyRow,
    over,
  );

describe('toKeyView', () => {
  it('shows roles, permissions and shares as stored, and the times as ISO strings', () => {
    expect(toKeyView(row({ rotatedAt: new Date('2026-02-01T00:00:00.000Z') }), NOW, 90)).toEqual({
      id: 'key_1', workspaceId: 'default', name: 'orders', prefix: 'kw_live_abcd', maskedKey: 'kw_live_abcd…wxyz', environment: 'live',
      createdAt: '2026-01-01T00:00:00.000Z', expiresAt: null, status: 'active', restricted: true, roles: ['read-only', 'role_a'],
      permissions: { calls: 'write', contacts: 'none' }, shares: [{ resource: 'workflows', resourceId: 'wf_42', access: 'read' }],
      ratelimit: null, ipAllowlist: [], rotatedAt: '2026-02-01T00:00:00.000Z', revokedAt: null, usageCount: 12, lastUsedAt: '2026-05-30T00:00:00.000Z',
      stale: false, expiresSoon: false, enabled: true, credits: null, ratelimits: [], meta: {}, identityId: null,
    });
  });

  it('shows a key without a usage row as never used, and marks it stale and expiring soon by the domain rules', () => {
    expect(toKeyView(row({ usage: null, expiresAt: new Date('2026-06-05T00:00:00.000Z') }), NOW, 90)).toMatchObject({ usageCount: 0, lastUsedAt: null, stale: true, expiresSoon: true });
    expect(toKeyView(row(), NOW, 1)).toMatchObject({ stale: true, expiresSoon: false });
  });

  it('derives expired from the clock and revoked from the row', () => {
    const expiring = row({ expiresAt: NOW });
    expect(keyStatusOf(expiring, new Date(NOW.getTime() - 1))).toBe('active');
    expect(keyStatusOf(expiring, NOW)).toBe('expired');
    expect(keyStatusOf(row({ lifecycle: 'revoked', expiresAt: NOW }), NOW)).toBe('revoked');
  });
});
