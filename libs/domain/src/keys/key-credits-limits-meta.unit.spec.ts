import { ErrorCodes, MAX_NAMED_RATE_LIMITS, type KeyEvent } from '@keyward/contracts';
import { accessPolicy, createKey, deciderSpecification, KEY_ID, keyCreated, keyRevoked, NOW, WORKSPACE_ID } from '../testing';
import { MAX_CREDITS } from '../limits/credits';
import { MAX_META_BYTES, NO_META } from '../meta/json-meta';
import { evolveKey } from './evolve-key';
import type { UpdateKey } from './key.commands';
import { keyDecider } from './key.decider';
import { initialKeyState, type KeyState } from './key.state';

const { given } = deciderSpecification(keyDecider, NOW);
const invalid = (field: string) => ({ code: ErrorCodes.validationFailed, field });
const update = (over: Partial<Omit<UpdateKey, 'type'>> = {}): UpdateKey => ({ type: 'UpdateKey', keyId: KEY_ID, workspaceId: WORKSPACE_ID, policy: accessPolicy(), ...over });
const replay = (events: readonly KeyEvent[]): KeyState => events.reduce(evolveKey, initialKeyState);
const LATER = '2026-11-24T10:00:00.000Z';

const DAILY = { remaining: 100, refill: { interval: 'daily', amount: 100 } } as const;
const TOKENS = { name: 'tokens', limit: 1_000, windowSeconds: 60, autoApply: true };
const PER_CALL = { name: 'per-call', limit: 5, windowSeconds: 1, autoApply: false };

describe('CreateKey with credits, named limits, metadata and an identity', () => {
  it('carries each, copied, with autoApply true unless named', () => {
    given([])
      .when(
        createKey({
          credits: DAILY,
          ratelimits: [{ name: 'tokens', limit: 1_000, windowSeconds: 60 }, PER_CALL],
          meta: { plan: 'pro', tags: ['a', 'b'], nested: { depth: 1 } },
          identityId: 'idn_1',
        }),
      )
      .then([
        keyCreated({
          unrestricted: true,
          credits: DAILY,
          ratelimits: [TOKENS, PER_CALL],
          meta: { plan: 'pro', tags: ['a', 'b'], nested: { depth: 1 } },
          identityId: 'idn_1',
        }),
      ]);
  });

  it('leaves each out of the event when unset, null, empty or {}', () => {
    given([]).when(createKey({ credits: null, ratelimits: [], meta: {} })).then([keyCreated({ unrestricted: true })]);
  });

  it.each<[string, Parameters<typeof createKey>[0], string]>([
    ['negative credits', { credits: { remaining: -1 } }, 'credits.remaining'],
    ['credits above the maximum', { credits: { remaining: MAX_CREDITS + 1 } }, 'credits.remaining'],
    ['a weekly refill', { credits: { remaining: 1, refill: { interval: 'weekly' as 'daily', amount: 1 } } }, 'credits.refill.interval'],
    ['a refill of 0', { credits: { remaining: 1, refill: { interval: 'daily', amount: 0 } } }, 'credits.refill.amount'],
    ['a limit name with a dot', { ratelimits: [{ name: 'a.b', limit: 1, windowSeconds: 1 }] }, 'ratelimits[0].name'],
    ['a limit name twice', { ratelimits: [TOKENS, TOKENS] }, 'ratelimits[1].name'],
    ['too many limits', { ratelimits: Array.from({ length: MAX_NAMED_RATE_LIMITS + 1 }, (_, i) => ({ ...TOKENS, name: `n${i}` })) }, 'ratelimits'],
    ['metadata over 8 KB', { meta: { blob: 'x'.repeat(MAX_META_BYTES) } }, 'meta'],
  ])('refuses %s, naming the field', (_, over, field) => {
    given([]).when(createKey(over)).then(invalid(field));
  });
});

describe('UpdateKey with credits, named limits and metadata', () => {
  it('sets credits as a new generation, even when equal to the old: a top-up counts from zero spent', () => {
    given([keyCreated({ credits: DAILY })])
      .when(update({ credits: DAILY }))
      .then([{ type: 'KeyCreditsChanged', data: { keyId: KEY_ID, credits: DAILY, generation: 2, changedAt: NOW.toISOString() } }]);
    given([keyCreated()])
      .when(update({ credits: { remaining: 5 } }))
      .then([{ type: 'KeyCreditsChanged', data: { keyId: KEY_ID, credits: { remaining: 5 }, generation: 1, changedAt: NOW.toISOString() } }]);
  });

  it('clears credits as a new generation, and clearing none there are changes nothing', () => {
    given([keyCreated({ credits: DAILY })])
      .when(update({ credits: null }))
      .then([{ type: 'KeyCreditsChanged', data: { keyId: KEY_ID, credits: null, generation: 2, changedAt: NOW.toISOString() } }]);
    given([keyCreated()]).when(update({ credits: null })).then([]);
  });

  it('counts generations on from the last one, cleared ones included', () => {
    const changed = (generation: number, credits: { remaining: number } | null): KeyEvent => ({
      type: 'KeyCreditsChanged',
      data: { keyId: KEY_ID, credits, generation, changedAt: NOW.toISOString() },
    });
    given([keyCreated({ credits: DAILY }), changed(2, null), changed(3, { remaining: 1 })])
      .when(update({ credits: { remaining: 1 } }))
      .then([changed(4, { remaining: 1 })]);
  });

  it('sets the whole list of named limits, and none when it is the same', () => {
    given([keyCreated({ ratelimits: [TOKENS] })])
      .when(update({ ratelimits: [PER_CALL] }))
      .then([{ type: 'KeyNamedRateLimitsChanged', data: { keyId: KEY_ID, ratelimits: [PER_CALL] } }]);
    given([keyCreated({ ratelimits: [TOKENS] })]).when(update({ ratelimits: [] })).then([{ type: 'KeyNamedRateLimitsChanged', data: { keyId: KEY_ID, ratelimits: [] } }]);
    given([keyCreated({ ratelimits: [TOKENS] })]).when(update({ ratelimits: [{ name: 'tokens', limit: 1_000, windowSeconds: 60 }] })).then([]);
  });

  it('sets the whole metadata, clears it with null or {}, and changes nothing when it is the same', () => {
    given([keyCreated({ meta: { a: 1 } })]).when(update({ meta: { b: [true, null] } })).then([{ type: 'KeyMetaChanged', data: { keyId: KEY_ID, meta: { b: [true, null] } } }]);
    given([keyCreated({ meta: { a: 1 } })]).when(update({ meta: null })).then([{ type: 'KeyMetaChanged', data: { keyId: KEY_ID, meta: {} } }]);
    given([keyCreated({ meta: { a: 1 } })]).when(update({ meta: {} })).then([{ type: 'KeyMetaChanged', data: { keyId: KEY_ID, meta: {} } }]);
    given([keyCreated({ meta: { a: 1 } })]).when(update({ meta: { a: 1 } })).then([]);
    given([keyCreated()]).when(update({ meta: null })).then([]);
  });

  it('appends the new fields after the others, in a fixed order', () => {
    given([keyCreated()])
      .when(update({ meta: { a: 1 }, ratelimits: [TOKENS], credits: { remaining: 3 }, name: 'renamed' }))
      .then([
        { type: 'KeyRenamed', data: { keyId: KEY_ID, name: 'renamed' } },
        { type: 'KeyCreditsChanged', data: { keyId: KEY_ID, credits: { remaining: 3 }, generation: 1, changedAt: NOW.toISOString() } },
        { type: 'KeyNamedRateLimitsChanged', data: { keyId: KEY_ID, ratelimits: [TOKENS] } },
        { type: 'KeyMetaChanged', data: { keyId: KEY_ID, meta: { a: 1 } } },
      ]);
  });

  it('refuses a revoked key, and bad values naming the field', () => {
    given([keyCreated(), keyRevoked()]).when(update({ credits: DAILY })).then({ code: ErrorCodes.keyRevoked });
    given([keyCreated()]).when(update({ credits: { remaining: 1.5 } })).then(invalid('credits.remaining'));
    given([keyCreated()]).when(update({ ratelimits: [{ name: 'x', limit: 0, windowSeconds: 1 }] })).then(invalid('ratelimits[0].limit'));
  });
});

describe('evolveKey with credits, named limits, metadata and identity', () => {
  it('reads a KeyCreated without them as an enabled key with none, and one with credits as generation 1 set at creation', () => {
    expect(replay([keyCreated()])).toMatchObject({ enabled: true, credits: null, creditsGeneration: 0, creditsSetAt: null, ratelimits: [], meta: NO_META, identityId: null });
    expect(replay([keyCreated({ credits: DAILY, identityId: 'idn_1' })])).toMatchObject({ credits: DAILY, creditsGeneration: 1, creditsSetAt: NOW.toISOString(), identityId: 'idn_1' });
  });

  it('folds credit settings with their generation and time, limits, metadata, disabling and enabling', () => {
    const credited = replay([keyCreated(), { type: 'KeyCreditsChanged', data: { keyId: KEY_ID, credits: { remaining: 7 }, generation: 1, changedAt: LATER } }]);
    expect(credited).toMatchObject({ credits: { remaining: 7 }, creditsGeneration: 1, creditsSetAt: LATER });
    const edited = replay([
      keyCreated(),
      { type: 'KeyNamedRateLimitsChanged', data: { keyId: KEY_ID, ratelimits: [TOKENS] } },
      { type: 'KeyMetaChanged', data: { keyId: KEY_ID, meta: { a: 1 } } },
      { type: 'KeyDisabled', data: { keyId: KEY_ID, disabledAt: LATER } },
    ]);
    expect(edited).toMatchObject({ ratelimits: [TOKENS], meta: { a: 1 }, enabled: false, status: 'active' });
    expect(evolveKey(edited, { type: 'KeyEnabled', data: { keyId: KEY_ID, enabledAt: LATER } })).toMatchObject({ enabled: true });
  });

  it('ignores them before the key exists', () => {
    expect(replay([{ type: 'KeyDisabled', data: { keyId: KEY_ID, disabledAt: LATER } }])).toEqual(initialKeyState);
  });
});
