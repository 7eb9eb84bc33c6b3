import { ErrorCodes } from '@keyward/contracts';
import {
  KEY_ID,
  NOW,
  OTHER_WORKSPACE_ID,
  at,
  createKey,
  deciderSpecification,
  keyCreated,
  keyRevoked,
  keyRotated,
  revokeKey,
  rotateKey,
  storedSecret,
} from '../testing';
import { keyDecider } from './key.decider';

const { given } = deciderSpecification(keyDecider, NOW);
const invalid = (field: string) => ({ code: ErrorCodes.validationFailed, field });

describe('CreateKey', () => {
  it('creates an unrestricted key when neither roles nor permissions are given', () => {
    given([]).when(createKey()).then([keyCreated({ unrestricted: true, roles: [], permissions: {} })]);
  });

  it('keeps roles (once each) and permissions, and the key is restricted', () => {
    given([])
      .when(createKey({ roles: ['read-only', 'custom', 'read-only'], permissions: { calls: 'write', billing: 'none' } }))
      .then([keyCreated({ roles: ['read-only', 'custom'], permissions: { calls: 'write', billing: 'none' }, unrestricted: false })]);
  });

  it('takes unrestricted: false without restrictions as a key that may do nothing', () => {
    given([]).when(createKey({ unrestricted: false })).then([keyCreated({ unrestricted: false })]);
  });

  it('takes unrestricted: true without restrictions', () => {
    given([]).when(createKey({ unrestricted: true, roles: [], permissions: {} })).then([keyCreated({ unrestricted: true })]);
  });

  it('trims the name and normalises the expiry to UTC', () => {
    given([])
      .when(createKey({ name: '  orders  ', expiresAt: '2027-01-01T02:00:00+02:00' }))
      .then([keyCreated({ name: 'orders', expiresAt: '2027-01-01T00:00:00.000Z' })]);
  });

  it('creates test keys with a test secret', () => {
    given([])
      .when(createKey({ environment: 'test', secret: storedSecret(1, 'test') }))
      .then([keyCreated({ environment: 'test', ...storedSecret(1, 'test') })]);
  });

  it('accepts a name of exactly 100 characters, emoji counted as one', () => {
    given([]).when(createKey({ name: 'x'.repeat(100) })).then([keyCreated({ name: 'x'.repeat(100) })]);
    given([]).when(createKey({ name: '🔑'.repeat(100) })).then([keyCreated({ name: '🔑'.repeat(100) })]);
  });

  it('accepts an expiry one millisecond ahead', () => {
    given([]).when(createKey({ expiresAt: '2026-11-23T10:00:00.001Z' })).then([keyCreated({ expiresAt: '2026-11-23T10:00:00.001Z' })]);
  });

  it.each([
    ['an empty name', { name: '' }, 'name'],
    ['a blank name', { name: ' \t ' }, 'name'],
    ['a 101-character name', { name: 'x'.repeat(101) }, 'name'],
    ['a newline in the name', { name: 'a\nb' }, 'name'],
    ['a NUL in the name', { name: 'a\u0000b' }, 'name'],
    ['DEL in the name', { name: 'a\u007fb' }, 'name'],
    ['a C1 control in the name', { name: 'a\u009bb' }, 'name'],
    ['an expiry in the past', { expiresAt: '2026-11-23T09:59:59.999Z' }, 'expiresAt'],
    ['an expiry of now', { expiresAt: NOW.toISOString() }, 'expiresAt'],
    ['an expiry that is not a date', { expiresAt: 'tomorrow' }, 'expiresAt'],
    ['an expiry without a time zone', { expiresAt: '2027-01-01T00:00:00' }, 'expiresAt'],
    ['an expiry on a day that does not exist', { expiresAt: '2027-02-29T00:00:00Z' }, 'expiresAt'],
    ['an unknown environment', { environment: 'prod' as 'live' }, 'environment'],
    ['an empty role id', { roles: [''] }, 'roles'],
    ['a 65-character role id', { roles: ['r'.repeat(65)] }, 'roles'],
    ['51 roles', { roles: Array.from({ length: 51 }, (_, i) => `role_${i}`) }, 'roles'],
    ['an unknown access level', { permissions: { calls: 'admin' as 'read' } }, 'permissions.calls'],
    ['a resource name that is not one', { permissions: { 'Calls!': 'read' as const } }, 'permissions.Calls!'],
    ['101 resources', { permissions: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`r${i}`, 'read' as const])) }, 'permissions'],
    ['unrestricted with roles', { unrestricted: true, roles: ['admin'] }, 'unrestricted'],
    ['unrestricted with permissions', { unrestricted: true, permissions: { calls: 'read' as const } }, 'unrestricted'],
  ])('refuses %s', (_, over, field) => {
    given([]).when(createKey(over)).then(invalid(field));
  });

  it('refuses a stream that exists already (CONFLICT)', () => {
    given([keyCreated()]).when(createKey()).then({ code: ErrorCodes.conflict });
  });

  it('refuses a secret of the other environment as an internal fault, not a bad request', () => {
    given([]).when(createKey({ environment: 'test', secret: storedSecret(1, 'live') })).then({ code: ErrorCodes.internal });
  });

  it('copies permissions, so the event never shares the caller’s object', () => {
    const permissions = { calls: 'read' as const };
    const [event] = keyDecider.decide(createKey({ permissions }), keyDecider.initialState(), NOW);
    expect(event.type === 'KeyCreated' && event.data.permissions).not.toBe(permissions);
  });
});

describe('RotateKey', () => {
  it('replaces the secret; the old one lives for the grace period', () => {
    given([keyCreated()])
      .when(rotateKey({ gracePeriodSeconds: 3_600 }))
      .then([keyRotated({ rotatedAt: NOW.toISOString(), previousKeyExpiresAt: '2026-11-23T11:00:00.000Z' })]);
  });

  it('retires the old secret at once with no grace period', () => {
    given([keyCreated()]).when(rotateKey({ gracePeriodSeconds: 0 })).then([keyRotated({ previousKeyExpiresAt: NOW.toISOString() })]);
  });

  it('accepts the full seven days', () => {
    given([keyCreated()]).when(rotateKey({ gracePeriodSeconds: 604_800 })).then([keyRotated({ previousKeyExpiresAt: '2026-11-30T10:00:00.000Z' })]);
  });

  it('never extends the key’s life: the grace ends with the key', () => {
    given([keyCreated({ expiresAt: '2026-11-23T10:30:00.000Z' })])
      .when(rotateKey({ gracePeriodSeconds: 3_600 }))
      .then([keyRotated({ previousKeyExpiresAt: '2026-11-23T10:30:00.000Z' })]);
  });

  it('ends the grace at now + grace when that comes before the key’s expiry', () => {
    given([keyCreated({ expiresAt: '2027-01-01T00:00:00.000Z' })])
      .when(rotateKey({ gracePeriodSeconds: 60 }))
      .then([keyRotated({ previousKeyExpiresAt: '2026-11-23T10:01:00.000Z' })]);
  });

  it('rotates a key that was rotated before', () => {
    given([keyCreated(), keyRotated()])
      .when(rotateKey({ secret: storedSecret(3) }))
      .then([keyRotated({ ...storedSecret(3) })]);
  });

  it.each([-1, 604_801, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a grace period of %p seconds', (grace) => {
    given([keyCreated()]).when(rotateKey({ gracePeriodSeconds: grace })).then(invalid('gracePeriodSeconds'));
  });

  it('refuses an unknown key and a key of another workspace alike (KEY_NOT_FOUND)', () => {
    given([]).when(rotateKey()).then({ code: ErrorCodes.keyNotFound, message: 'no such key' });
    given([keyCreated()]).when(rotateKey({ workspaceId: OTHER_WORKSPACE_ID })).then({ code: ErrorCodes.keyNotFound, message: 'no such key' });
    given([keyCreated()]).when(rotateKey({ keyId: 'key_bbbbbbbbbbbbbbbbbbbbbbbb' })).then({ code: ErrorCodes.keyNotFound, message: 'no such key' });
  });

  it('refuses a revoked key (KEY_REVOKED)', () => {
    given([keyCreated(), keyRevoked()]).when(rotateKey()).then({ code: ErrorCodes.keyRevoked });
  });

  it('refuses an expired key (CONFLICT), from the instant of expiry on', () => {
    const expired = { code: ErrorCodes.conflict, message: 'an expired key cannot be rotated' };
    given([keyCreated({ expiresAt: '2026-11-23T10:30:00.000Z' })]).when(rotateKey(), at('2026-11-23T10:30:00.000Z')).then(expired);
    given([keyCreated({ expiresAt: '2026-11-23T10:30:00.000Z' })]).when(rotateKey(), at('2026-12-01T00:00:00.000Z')).then(expired);
  });

  it('refuses a new secret of another environment than the key’s', () => {
    given([keyCreated()]).when(rotateKey({ secret: storedSecret(2, 'test') })).then({ code: ErrorCodes.internal });
  });
});

describe('RevokeKey', () => {
  it('revokes an active key', () => {
    given([keyCreated()]).when(revokeKey()).then([keyRevoked({ keyId: KEY_ID, revokedAt: NOW.toISOString() })]);
  });

  it('revokes a rotated key', () => {
    given([keyCreated(), keyRotated()]).when(revokeKey()).then([keyRevoked()]);
  });

  it('revokes an expired key too', () => {
    given([keyCreated({ expiresAt: '2026-11-23T10:30:00.000Z' })])
      .when(revokeKey(), at('2026-11-24T00:00:00.000Z'))
      .then([keyRevoked({ revokedAt: '2026-11-24T00:00:00.000Z' })]);
  });

  it('is final: revoking again is KEY_REVOKED, "already revoked"', () => {
    given([keyCreated(), keyRevoked()]).when(revokeKey()).then({ code: ErrorCodes.keyRevoked, message: 'the key is already revoked' });
  });

  it('refuses an unknown key and a key of another workspace alike (KEY_NOT_FOUND)', () => {
    given([]).when(revokeKey()).then({ code: ErrorCodes.keyNotFound, message: 'no such key' });
    given([keyCreated()]).when(revokeKey({ workspaceId: OTHER_WORKSPACE_ID })).then({ code: ErrorCodes.keyNotFound, message: 'no such key' });
    given([keyCreated(), keyRevoked()]).when(revokeKey({ workspaceId: OTHER_WORKSPACE_ID })).then({ code: ErrorCodes.keyNotFound, message: 'no such key' });
  });
});
