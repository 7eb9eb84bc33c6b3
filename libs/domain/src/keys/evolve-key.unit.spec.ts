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
      rotatedAt: null,
      revokedAt: null,
      deletedAt: null,
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
    const unknown = { type: 'KeyLeakReported', data: { keyId: KEY_ID } } as unknown as KeyEvent;
    expect(evolveKey(created, unknown)).toBe(created);
    expect(evolveKey(initialKeyState, unknown)).toBe(initialKeyState);
  });

  it('ignores rotation and revocation of a key it never saw created', () => {
    expect(replay([keyRotated(), keyRevoked()])).toBe(initialKeyState);
  });
});
