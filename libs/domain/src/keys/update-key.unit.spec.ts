import { ErrorCodes, type KeyEvent } from '@keyward/contracts';
import { accessPolicy, at, createKey, deciderSpecification, KEY_ID, keyCreated, keyRevoked, keyRotated, NOW, OTHER_WORKSPACE_ID, WORKSPACE_ID } from '../testing';
import type { UpdateKey } from './key.commands';
import { keyDecider } from './key.decider';
import { evolveKey } from './evolve-key';
import { initialKeyState, type KeyState } from './key.state';

const { given } = deciderSpecification(keyDecider, NOW);
const invalid = (field: string) => ({ code: ErrorCodes.validationFailed, field });
const update = (over: Partial<Omit<UpdateKey, 'type'>> = {}): UpdateKey => ({ type: 'UpdateKey', keyId: KEY_ID, workspaceId: WORKSPACE_ID, policy: accessPolicy(), ...over });
const replay = (events: readonly KeyEvent[]): KeyState => events.reduce(evolveKey, initialKeyState);
const IN_A_YEAR = '2027-11-23T10:00:00.000Z';

describe('UpdateKey', () => {
  it('renames, trimming the name', () => {
    given([keyCreated()]).when(update({ name: '  billing  ' })).then([{ type: 'KeyRenamed', data: { keyId: KEY_ID, name: 'billing' } }]);
  });

  it('sets, normalises and clears the expiry', () => {
    given([keyCreated()])
      .when(update({ expiresAt: '2027-11-23T12:00:00+02:00' }))
      .then([{ type: 'KeyExpiryChanged', data: { keyId: KEY_ID, expiresAt: IN_A_YEAR } }]);
    given([keyCreated({ expiresAt: IN_A_YEAR })]).when(update({ expiresAt: null })).then([{ type: 'KeyExpiryChanged', data: { keyId: KEY_ID, expiresAt: null } }]);
  });

  it('refuses an expiry in the past or now, naming the field', () => {
    given([keyCreated()]).when(update({ expiresAt: '2026-11-23T09:59:59.000Z' })).then(invalid('expiresAt'));
    given([keyCreated()]).when(update({ expiresAt: NOW.toISOString() })).then(invalid('expiresAt'));
  });

  it('sets, changes and clears the rate limit', () => {
    given([keyCreated()])
      .when(update({ ratelimit: { limit: 50, windowSeconds: 10 } }))
      .then([{ type: 'KeyRateLimitChanged', data: { keyId: KEY_ID, ratelimit: { limit: 50, windowSeconds: 10 } } }]);
    given([keyCreated({ ratelimit: { limit: 50, windowSeconds: 10 } })]).when(update({ ratelimit: null })).then([{ type: 'KeyRateLimitChanged', data: { keyId: KEY_ID, ratelimit: null } }]);
  });

  it('sets the allowlist normalised, and clears it with null or an empty list', () => {
    given([keyCreated()])
      .when(update({ ipAllowlist: ['10.1.2.3/8', '2001:DB8:0:0::7', '10.0.0.0/8'] }))
      .then([{ type: 'KeyIpAllowlistChanged', data: { keyId: KEY_ID, ipAllowlist: ['10.0.0.0/8', '2001:db8::7'] } }]);
    given([keyCreated({ ipAllowlist: ['10.0.0.0/8'] })]).when(update({ ipAllowlist: null })).then([{ type: 'KeyIpAllowlistChanged', data: { keyId: KEY_ID, ipAllowlist: [] } }]);
    given([keyCreated({ ipAllowlist: ['10.0.0.0/8'] })]).when(update({ ipAllowlist: [] })).then([{ type: 'KeyIpAllowlistChanged', data: { keyId: KEY_ID, ipAllowlist: [] } }]);
  });

  it('appends one event per changed field, in a fixed order, and none for a field that keeps its value', () => {
    given([keyCreated({ expiresAt: IN_A_YEAR, ratelimit: { limit: 5, windowSeconds: 1 } })])
      .when(update({ ipAllowlist: ['203.0.113.7'], ratelimit: { limit: 5, windowSeconds: 1 }, expiresAt: '2027-11-23T11:00:00+01:00', name: 'renamed' }))
      .then([
        { type: 'KeyRenamed', data: { keyId: KEY_ID, name: 'renamed' } },
        { type: 'KeyIpAllowlistChanged', data: { keyId: KEY_ID, ipAllowlist: ['203.0.113.7'] } },
      ]);
  });

  it('appends nothing when nothing changes, or nothing is named', () => {
    given([keyCreated({ ipAllowlist: ['10.0.0.0/8'] })]).when(update({ name: 'orders', expiresAt: null, ratelimit: null, ipAllowlist: ['10.0.0.0/8'] })).then([]);
    given([keyCreated()]).when(update()).then([]);
  });

  it('refuses a revoked key with KEY_REVOKED', () => {
    given([keyCreated(), keyRevoked()]).when(update({ name: 'x' })).then({ code: ErrorCodes.keyRevoked });
  });

  it('answers a deleted key, an unknown one and another workspace’s as not found', () => {
    given([keyCreated(), { type: 'KeyDeleted', data: { keyId: KEY_ID, deletedAt: NOW.toISOString() } }]).when(update({ name: 'x' })).then({ code: ErrorCodes.keyNotFound });
    given([]).when(update({ name: 'x' })).then({ code: ErrorCodes.keyNotFound });
    given([keyCreated()]).when(update({ name: 'x', workspaceId: OTHER_WORKSPACE_ID })).then({ code: ErrorCodes.keyNotFound });
  });

  it('edits only a key within the caller’s own authority: a longer life or a lifted limit gives access again', () => {
    const writer = accessPolicy({ authority: ['api_keys:write', 'calls:read'] });
    const forbidden = { code: ErrorCodes.forbidden };
    given([keyCreated()]).when(update({ expiresAt: null, policy: writer })).then(forbidden);
    given([keyCreated({ expiresAt: IN_A_YEAR })]).when(update({ name: 'x', policy: writer })).then(forbidden);
    given([keyCreated({ unrestricted: false, permissions: { calls: 'read' } })])
      .when(update({ name: 'calls reader', policy: writer }))
      .then([{ type: 'KeyRenamed', data: { keyId: KEY_ID, name: 'calls reader' } }]);
  });

  it('gives an expired key a new expiry: that is how it comes back', () => {
    given([keyCreated({ expiresAt: '2026-11-23T09:00:00.000Z' })])
      .when(update({ expiresAt: IN_A_YEAR }))
      .then([{ type: 'KeyExpiryChanged', data: { keyId: KEY_ID, expiresAt: IN_A_YEAR } }]);
  });

  it.each<[string, Partial<UpdateKey>, string]>([
    ['a blank name', { name: '  ' }, 'name'],
    ['a name with a line break', { name: 'a\nb' }, 'name'],
    ['an expiry that is no date', { expiresAt: 'tomorrow' }, 'expiresAt'],
    ['a limit of 0', { ratelimit: { limit: 0, windowSeconds: 1 } }, 'ratelimit.limit'],
    ['a window of a day and a second', { ratelimit: { limit: 1, windowSeconds: 86_401 } }, 'ratelimit.windowSeconds'],
    ['an allowlist entry that is no address', { ipAllowlist: ['10.0.0.0/8', 'example.com'] }, 'ipAllowlist[1]'],
  ])('refuses %s, naming the field', (_, over, field) => {
    given([keyCreated()]).when(update(over)).then(invalid(field));
  });
});

describe('CreateKey with a rate limit and an IP allowlist', () => {
  it('carries both, the allowlist normalised', () => {
    given([])
      .when(createKey({ ratelimit: { limit: 50, windowSeconds: 10 }, ipAllowlist: ['::ffff:192.0.2.1', '192.0.2.0/24'] }))
      .then([keyCreated({ unrestricted: true, ratelimit: { limit: 50, windowSeconds: 10 }, ipAllowlist: ['192.0.2.1', '192.0.2.0/24'] })]);
  });

  it('leaves both out of the event when unset, null or empty', () => {
    given([]).when(createKey({ ratelimit: null, ipAllowlist: [] })).then([keyCreated({ unrestricted: true })]);
  });

  it('refuses a limit above a million', () => {
    given([]).when(createKey({ ratelimit: { limit: 1_000_001, windowSeconds: 1 } })).then(invalid('ratelimit.limit'));
  });
});

describe('evolveKey with edits', () => {
  it('reads a KeyCreated written before limits existed as a key without them', () => {
    expect(replay([keyCreated()])).toMatchObject({ ratelimit: null, ipAllowlist: [] });
  });

  it('folds renames, expiry, rate limit and allowlist changes, and a rotation keeps them all', () => {
    const state = replay([
      keyCreated(),
      { type: 'KeyRenamed', data: { keyId: KEY_ID, name: 'billing' } },
      { type: 'KeyExpiryChanged', data: { keyId: KEY_ID, expiresAt: IN_A_YEAR } },
      { type: 'KeyRateLimitChanged', data: { keyId: KEY_ID, ratelimit: { limit: 50, windowSeconds: 10 } } },
      { type: 'KeyIpAllowlistChanged', data: { keyId: KEY_ID, ipAllowlist: ['10.0.0.0/8'] } },
      keyRotated({ rotatedAt: at('2026-11-24T00:00:00.000Z').toISOString() }),
    ]);
    expect(state).toMatchObject({ name: 'billing', expiresAt: IN_A_YEAR, ratelimit: { limit: 50, windowSeconds: 10 }, ipAllowlist: ['10.0.0.0/8'] });
  });

  it('ignores edits before the key exists', () => {
    expect(replay([{ type: 'KeyRenamed', data: { keyId: KEY_ID, name: 'x' } }])).toEqual(initialKeyState);
  });
});
