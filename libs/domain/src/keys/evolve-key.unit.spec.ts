import type { KeyEvent } from '@keyward/contracts';
import { KEY_ID, NOW, keyCreated, keyRevoked, keyRotated, storedSecret } from '../testing';
import { evolveKey } from './evolve-key';
import { initialKeyState, type KeyState } from './key.state';

const replay = (events: readonly KeyEvent[]): KeyState => events.reduce(evolveKey, initialKeyState);

describe('evolveKey', () => {
  it('builds an active key from KeyCreated, keeping only the stored form of its secret', () => {
    expect(replay([keyCreated({ roles: ['read-only'], permissions: { calls: 'read' }, unrestricted: false, expiresAt: '2027-01-01T00:00:00.000Z' })])).toEqual({
      status: 'active',
      keyId: KEY_ID,
      workspaceId: 'default',
      name: 'orders',
      environment: 'live',
      createdAt: NOW.toISOString(),
      expiresAt: '2027-01-01T00:00:00.000Z',
      secret: storedSecret(1),
      previousSecrets: [],
      roles: ['read-only'],
      permissions: { calls: 'read' },
      unrestricted: false,
      shares: [],
      ratelimit: null,
      ipAllowlist: [],
      rotatedAt: null,
      revokedAt: null,
      deletedAt: null,
      leakReports: [],
      enabled: true,
      credits: null,
      creditsGeneration: 0,
      creditsSetAt: null,
      ratelimits: [],
      meta: {},
      identityId: null,
    });
  });

  it('rotation swaps the secret and keeps identity, roles, permissions and expiry', () => {
    const created = replay([keyCreated({ roles: ['read-only'], unrestricted: false, expiresAt: '2027-01-01T00:00:00.000Z' })]);
    const rotated = evolveKey(created, keyRotated({ rotatedAt: '2026-11-23T11:00:00.000Z', previousKeyExpiresAt: '2026-11-23T12:00:00.000Z' }));
    expect(rotated).toEqual({
      ...created,
      secret: storedSecret(2),
      previousSecrets: [{ ...storedSecret(1), validUntil: '2026-11-23T12:00:00.000Z' }],
      rotatedAt: '2026-11-23T11:00:00.000Z',
    });
  });

  it('keeps every rotated-away secret, oldest first, so they answer EXPIRED rather than NOT_FOUND', () => {
    const state = replay([keyCreated(), keyRotated({ previousKeyExpiresAt: 'T1' }), keyRotated({ ...storedSecret(3), previousKeyExpiresAt: 'T2' })]);
    expect(state.status !== 'absent' && state.previousSecrets).toEqual([
      { ...storedSecret(1), validUntil: 'T1' },
      { ...storedSecret(2), validUntil: 'T2' },
    ]);
  });

  it('marks a key revoked, with its time', () => {
    expect(replay([keyCreated(), keyRevoked({ revokedAt: '2026-11-24T00:00:00.000Z' })])).toMatchObject({ status: 'revoked', revokedAt: '2026-11-24T00:00:00.000Z' });
  });

  it('is total: unknown event types leave the state unchanged', () => {
    const created = replay([keyCreated()]);
    const unknown = { type: 'KeyExploded', data: { keyId: KEY_ID } } as unknown as KeyEvent;
    expect(evolveKey(created, unknown)).toBe(created);
    expect(evolveKey(initialKeyState, unknown)).toBe(initialKeyState);
  });

  it('ignores rotation and revocation of a key it never saw created', () => {
    expect(replay([keyRotated(), keyRevoked()])).toBe(initialKeyState);
  });

  describe('KeyDeleted', () => {
    const deleted = (deletedAt: string): KeyEvent => ({ type: 'KeyDeleted', data: { keyId: KEY_ID, deletedAt } });

    it('revokes the key at the time of deletion', () => {
      expect(replay([keyCreated(), deleted('2026-11-24T00:00:00.000Z')])).toMatchObject({
        status: 'revoked',
        revokedAt: '2026-11-24T00:00:00.000Z',
        deletedAt: '2026-11-24T00:00:00.000Z',
      });
    });

    it('keeps the time of an earlier revocation', () => {
      expect(replay([keyCreated(), keyRevoked({ revokedAt: '2026-11-23T11:00:00.000Z' }), deleted('2026-11-24T00:00:00.000Z')])).toMatchObject({
        status: 'revoked',
        revokedAt: '2026-11-23T11:00:00.000Z',
        deletedAt: '2026-11-24T00:00:00.000Z',
      });
    });

    it('keeps everything else for the history', () => {
      const before = replay([keyCreated({ roles: ['read-only'], unrestricted: false }), keyRotated()]);
      expect(evolveKey(before, deleted('2026-11-24T00:00:00.000Z'))).toEqual({
        ...before,
        status: 'revoked',
        revokedAt: '2026-11-24T00:00:00.000Z',
        deletedAt: '2026-11-24T00:00:00.000Z',
      });
    });

    it('ignores the deletion of a key it never saw created', () => {
      expect(replay([deleted('2026-11-24T00:00:00.000Z')])).toBe(initialKeyState);
    });
  });

  describe('access events', () => {
    const events: KeyEvent[] = [
      { type: 'KeyPermissionsChanged', data: { keyId: KEY_ID, permissions: { calls: 'read' }, unrestricted: false } },
      { type: 'RoleAssigned', data: { keyId: KEY_ID, roleId: 'read-only' } },
      { type: 'RoleAssigned', data: { keyId: KEY_ID, roleId: 'custom' } },
      { type: 'RoleUnassigned', data: { keyId: KEY_ID, roleId: 'read-only' } },
      { type: 'ResourceShared', data: { keyId: KEY_ID, resource: 'workflows', resourceId: 'wf_42', access: 'read' } },
      { type: 'ResourceShared', data: { keyId: KEY_ID, resource: 'files', resourceId: 'f_1', access: 'write' } },
      { type: 'ResourceUnshared', data: { keyId: KEY_ID, resource: 'workflows', resourceId: 'wf_42' } },
    ];

    it('fold roles, permissions and shares into the key, leaving the rest as it was', () => {
      const created = replay([keyCreated()]);
      expect(events.reduce(evolveKey, created)).toEqual({
        ...created,
        unrestricted: false,
        permissions: { calls: 'read' },
        roles: ['custom'],
        shares: [{ resource: 'files', resourceId: 'f_1', access: 'write' }],
      });
    });

    it('are ignored before the key was created', () => {
      expect(replay(events)).toBe(initialKeyState);
    });
  });
});
