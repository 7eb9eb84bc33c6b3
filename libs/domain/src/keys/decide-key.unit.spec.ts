import { ErrorCodes, type KeyEvent, type StoredSecret } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import { decideKey } from './decide-key';
import { evolveKey } from './evolve-key';
import type { KeyCommand } from './key.commands';
import { initialKeyState, type KeyState } from './key.state';
import { keyStatusAt } from './key-status';
import { isKeyId, newKeyId } from './key-id';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const secret = (n: number): StoredSecret => ({ secretHash: String(n).repeat(64).slice(0, 64), prefix: `kw_live_000${n}`, lastFour: `000${n}` });
const KEY = 'key_aaaaaaaaaaaaaaaaaaaaaaaa';
const WS = 'default';

const create = (over: Partial<Extract<KeyCommand, { type: 'CreateKey' }>> = {}): KeyCommand => ({
  type: 'CreateKey',
  keyId: KEY,
  workspaceId: WS,
  name: 'orders',
  environment: 'live',
  expiresAt: null,
  secret: secret(1),
  ...over,
});
const rotate = (gracePeriodSeconds = 0, workspaceId = WS): KeyCommand => ({ type: 'RotateKey', keyId: KEY, workspaceId, gracePeriodSeconds, secret: secret(2) });
const revoke = (workspaceId = WS): KeyCommand => ({ type: 'RevokeKey', keyId: KEY, workspaceId });

/** Emmett-style: given a history, when a command, then events or an error. */
const given = (...history: KeyCommand[]) => {
  const state = history.reduce<KeyState>((s, c) => decideKey(c, s, NOW).reduce(evolveKey, s), initialKeyState);
  return {
    state,
    when: (command: KeyCommand, now = NOW) => ({
      then: (expected: Partial<KeyEvent['data']> & { type?: never }, type: KeyEvent['type']) => {
        const events = decideKey(command, state, now);
        expect(events).toHaveLength(1);
        expect(events[0].type).toBe(type);
        expect(events[0].data).toMatchObject(expected);
        return events[0];
      },
      thenFails: (code: string, field?: string) => {
        let error: unknown;
        try {
          decideKey(command, state, now);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ code, ...(field ? { field } : {}) });
      },
    }),
  };
};

describe('CreateKey', () => {
  it('creates an unrestricted key when no restriction is given', () => {
    given().when(create()).then({ keyId: KEY, workspaceId: WS, name: 'orders', unrestricted: true, roles: [], createdAt: NOW.toISOString(), expiresAt: null, secretHash: secret(1).secretHash }, 'KeyCreated');
  });

  it('keeps roles and permissions, making the key restricted', () => {
    given().when(create({ roles: ['read-only', 'read-only'], permissions: { calls: 'write' } })).then({ roles: ['read-only'], permissions: { calls: 'write' }, unrestricted: false }, 'KeyCreated');
  });

  it('trims the name and normalises the expiry', () => {
    given().when(create({ name: '  orders  ', expiresAt: '2027-01-01T00:00:00Z' })).then({ name: 'orders', expiresAt: '2027-01-01T00:00:00.000Z' }, 'KeyCreated');
  });

  it.each([
    ['blank name', { name: '   ' }, 'name'],
    ['too-long name', { name: 'x'.repeat(101) }, 'name'],
    ['control characters in the name', { name: 'a\nb' }, 'name'],
    ['past expiry', { expiresAt: '2026-11-23T09:59:59.000Z' }, 'expiresAt'],
    ['expiry now', { expiresAt: NOW.toISOString() }, 'expiresAt'],
    ['unparsable expiry', { expiresAt: 'tomorrow' }, 'expiresAt'],
    ['unknown environment', { environment: 'prod' as 'live' }, 'environment'],
    ['unknown access level', { permissions: { calls: 'admin' as 'read' } }, 'permissions.calls'],
    ['unrestricted with roles', { unrestricted: true, roles: ['admin'] }, 'unrestricted'],
  ])('refuses %s', (_, over, field) => {
    given().when(create(over)).thenFails(ErrorCodes.validationFailed, field);
  });

  it('accepts a 100-character name', () => {
    given().when(create({ name: 'x'.repeat(100) })).then({ name: 'x'.repeat(100) }, 'KeyCreated');
  });

  it('refuses to create a key twice', () => {
    given(create()).when(create()).thenFails(ErrorCodes.conflict);
  });
});

describe('RotateKey', () => {
  it('replaces the secret; the old one lives for the grace period', () => {
    given(create()).when(rotate(3_600)).then({ secretHash: secret(2).secretHash, rotatedAt: NOW.toISOString(), previousKeyExpiresAt: '2026-11-23T11:00:00.000Z' }, 'KeyRotated');
  });

  it('retires the old secret at once without grace', () => {
    given(create()).when(rotate(0)).then({ previousKeyExpiresAt: NOW.toISOString() }, 'KeyRotated');
  });

  it('never extends the key: the grace ends with the key', () => {
    given(create({ expiresAt: '2026-11-23T10:30:00.000Z' })).when(rotate(3_600)).then({ previousKeyExpiresAt: '2026-11-23T10:30:00.000Z' }, 'KeyRotated');
  });

  it('keeps identity, roles, permissions and expiry', () => {
    const { state } = given(create({ roles: ['read-only'], expiresAt: '2027-01-01T00:00:00.000Z' }), rotate(60));
    expect(state).toMatchObject({ keyId: KEY, roles: ['read-only'], expiresAt: '2027-01-01T00:00:00.000Z', secret: secret(2) });
    expect(state.status !== 'absent' && state.previousSecrets).toEqual([{ ...secret(1), validUntil: '2026-11-23T10:01:00.000Z' }]);
  });

  it.each([-1, 604_801, 1.5, Number.NaN])('refuses a grace period of %p seconds', (grace) => {
    given(create()).when(rotate(grace)).thenFails(ErrorCodes.validationFailed, 'gracePeriodSeconds');
  });

  it('accepts the full seven days', () => {
    given(create()).when(rotate(604_800)).then({ previousKeyExpiresAt: '2026-11-30T10:00:00.000Z' }, 'KeyRotated');
  });

  it('refuses unknown keys, keys of another workspace, revoked and expired keys', () => {
    given().when(rotate()).thenFails(ErrorCodes.keyNotFound);
    given(create()).when(rotate(0, 'ws_other')).thenFails(ErrorCodes.keyNotFound);
    given(create(), revoke()).when(rotate()).thenFails(ErrorCodes.keyRevoked);
    given(create({ expiresAt: '2026-11-23T10:30:00.000Z' })).when(rotate(), new Date('2026-11-23T11:00:00.000Z')).thenFails(ErrorCodes.conflict);
  });
});

describe('RevokeKey', () => {
  it('revokes an active key', () => {
    given(create()).when(revoke()).then({ keyId: KEY, revokedAt: NOW.toISOString() }, 'KeyRevoked');
  });

  it('revokes an expired key too', () => {
    given(create({ expiresAt: '2026-11-23T10:30:00.000Z' })).when(revoke(), new Date('2026-11-24T00:00:00.000Z')).then({ keyId: KEY }, 'KeyRevoked');
  });

  it('is final: a second revoke is KEY_REVOKED', () => {
    given(create(), revoke()).when(revoke()).thenFails(ErrorCodes.keyRevoked);
  });

  it('refuses unknown keys and keys of another workspace alike', () => {
    given().when(revoke()).thenFails(ErrorCodes.keyNotFound);
    given(create()).when(revoke('ws_other')).thenFails(ErrorCodes.keyNotFound);
  });
});

describe('evolveKey and keyStatusAt', () => {
  it('derives active, expired and revoked', () => {
    const { state } = given(create({ expiresAt: '2026-11-23T10:30:00.000Z' }));
    if (state.status === 'absent') throw new Error('created');
    expect(keyStatusAt(state, NOW)).toBe('active');
    expect(keyStatusAt(state, new Date('2026-11-23T10:30:00.000Z'))).toBe('expired');
    const revoked = given(create(), revoke()).state;
    if (revoked.status === 'absent') throw new Error('created');
    expect(keyStatusAt(revoked, NOW)).toBe('revoked');
  });

  it('ignores events it does not know and events before creation', () => {
    const unknown = { type: 'KeyLeakReported', data: {} } as unknown as KeyEvent;
    expect(evolveKey(initialKeyState, unknown)).toBe(initialKeyState);
    expect(evolveKey(initialKeyState, { type: 'KeyRevoked', data: { keyId: KEY, revokedAt: NOW.toISOString() } })).toBe(initialKeyState);
  });
});

describe('key ids', () => {
  it('are key_ + 24 base62 characters and distinct', () => {
    const ids = new Set(Array.from({ length: 1_000 }, newKeyId));
    expect(ids.size).toBe(1_000);
    for (const id of ids) expect(isKeyId(id)).toBe(true);
    expect(isKeyId('key_short')).toBe(false);
    expect(isKeyId(42)).toBe(false);
  });
});
