import type { NamedRateLimit } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import { answerVerifyKeyId } from './answer-verify';
import type { CreditSpending } from './credit-spending';
import {
  askLaterOf,
  contextOf,
  grantingLimiter,
  identityChanged,
  identityCreated,
  identityDeleted,
  indexOf,
  keyChanged,
  keyCreated,
  memoryCredits,
  recorded,
  restrictedKey,
  TEST_NOW,
} from '../testing/verifier-events';

const limit = (name: string, max: number, autoApply = true): NamedRateLimit => ({ name, limit: max, windowSeconds: 60, autoApply });
const RESET = new Date(TEST_NOW + 10_000).toISOString();

/** An index of `events`, asked through a context whose limiter and ledger the test can look at. */
const setup = (...events: readonly RecordedEvent[]) => {
  const index = indexOf(...events);
  const limiter = grantingLimiter();
  const credits = memoryCredits();
  const context = contextOf(index, { limiter, credits });
  return { index, limiter, credits, context, ask: askLaterOf(context) };
};

describe('verify with credits (product.md 9.2a)', () => {
  it('spends `cost` per VALID call (default 1), answers what is left, and USAGE_EXCEEDED spending nothing once too few are left', async () => {
    const key = keyCreated({ credits: { remaining: 10 } });
    const { ask } = setup(key.event);
    await expect(ask({ key: key.secret })).resolves.toMatchObject({ valid: true, code: 'VALID', credits: { remaining: 9 } });
    await expect(ask({ key: key.secret, cost: 5 })).resolves.toMatchObject({ valid: true, credits: { remaining: 4 } });
    await expect(ask({ key: key.secret, cost: 5 })).resolves.toEqual({ valid: false, code: 'USAGE_EXCEEDED', keyId: key.keyId, credits: { remaining: 4 } });
    // Cost 0 only checks: VALID, and spends nothing.
    await expect(ask({ key: key.secret, cost: 0 })).resolves.toMatchObject({ valid: true, credits: { remaining: 4 } });
    await expect(ask({ key: key.secret, cost: 4 })).resolves.toMatchObject({ valid: true, credits: { remaining: 0 } });
    // At 0 even a check is refused, as the ledger does (Unkey's keys become invalid at zero).
    await expect(ask({ key: key.secret, cost: 0 })).resolves.toMatchObject({ code: 'USAGE_EXCEEDED', credits: { remaining: 0 } });
    await expect(ask({ key: key.secret })).resolves.toMatchObject({ code: 'USAGE_EXCEEDED', credits: { remaining: 0 } });
  });

  it('counts against the setting in force: a new generation starts from its own balance; null credits are unlimited again', async () => {
    const key = keyCreated({ credits: { remaining: 1 } });
    const { ask, index } = setup(key.event);
    await ask({ key: key.secret });
    await expect(ask({ key: key.secret })).resolves.toMatchObject({ code: 'USAGE_EXCEEDED' });
    index.apply(keyChanged('KeyCreditsChanged', { keyId: key.keyId, credits: { remaining: 2 }, generation: 2, changedAt: '2026-11-23T09:00:00.000Z' }));
    await expect(ask({ key: key.secret })).resolves.toMatchObject({ valid: true, credits: { remaining: 1 } });
    index.apply(keyChanged('KeyCreditsChanged', { keyId: key.keyId, credits: null, generation: 3, changedAt: '2026-11-23T09:30:00.000Z' }));
    const unlimited = await ask({ key: key.secret, cost: 1_000 });
    expect(unlimited).toMatchObject({ valid: true, code: 'VALID' });
    expect(unlimited.credits).toBeUndefined();
  });

  it('answers UNAVAILABLE when the ledger cannot know the balance (credits fail closed)', async () => {
    const key = keyCreated({ credits: { remaining: 10 } });
    const unavailable: CreditSpending = { spend: () => ({ outcome: 'unavailable' }) };
    const ask = askLaterOf(contextOf(indexOf(key.event), { credits: unavailable }));
    await expect(ask({ key: key.secret })).resolves.toEqual({ valid: false, code: 'UNAVAILABLE' });
  });

  it('a key without credits spends none whatever the cost, and its answer is still the one made once', async () => {
    const key = keyCreated();
    const { ask, credits } = setup(key.event);
    const first = await ask({ key: key.secret, cost: 7 });
    expect(first.credits).toBeUndefined();
    expect(await ask({ key: key.secret })).toBe(first);
    expect(credits.asked).toEqual([]);
  });

  it('answers MALFORMED for a bad cost or bad ratelimits before looking the key up', async () => {
    const key = keyCreated({ credits: { remaining: 10 } });
    const { ask, credits } = setup(key.event);
    for (const request of [{ cost: -1 }, { cost: 1.5 }, { ratelimits: [{ name: 'a' }, { name: 'a' }] }, { ratelimits: 'a' }]) {
      await expect(ask({ key: key.secret, ...request })).resolves.toEqual({ valid: false, code: 'MALFORMED' });
    }
    expect(credits.asked).toEqual([]);
  });

  it('a session check by key id spends neither credits nor named limits', async () => {
    const key = keyCreated({ credits: { remaining: 1 }, ratelimits: [limit('a', 1)] });
    const { context, credits, limiter } = setup(key.event);
    for (let i = 0; i < 3; i++) await expect(Promise.resolve(answerVerifyKeyId(Buffer.from(JSON.stringify({ keyId: key.keyId })), context, TEST_NOW))).resolves.toMatchObject({ code: 'VALID' });
    expect(credits.asked).toEqual([]);
    expect(limiter.calls).toEqual([]);
  });
});

describe('verify with named limits (product.md 9.2a)', () => {
  it('naming none applies every autoApply limit with cost 1, listing each; over one: RATE_LIMITED with it marked', async () => {
    const key = keyCreated({ ratelimits: [limit('requests', 2), limit('tokens', 100, false)] });
    const { ask, limiter } = setup(key.event);
    await expect(ask({ key: key.secret })).resolves.toMatchObject({
      valid: true,
      ratelimits: [{ name: 'requests', limit: 2, remaining: 1, reset: RESET, exceeded: false }],
    });
    await ask({ key: key.secret });
    await expect(ask({ key: key.secret })).resolves.toEqual({
      valid: false,
      code: 'RATE_LIMITED',
      keyId: key.keyId,
      ratelimits: [{ name: 'requests', limit: 2, remaining: 0, reset: RESET, exceeded: true }],
    });
    // Counted under the key's id and the name: never a key id (no key id has a dot).
    expect(new Set(limiter.calls)).toEqual(new Set([`${key.keyId}.requests`]));
  });

  it('naming some adds them, each with its cost, and never skips an autoApply one; a name the key does not have allows nothing', async () => {
    const key = keyCreated({ ratelimits: [limit('requests', 5), limit('tokens', 100, false)] });
    const { ask } = setup(key.event);
    await expect(ask({ key: key.secret, ratelimits: [{ name: 'tokens', cost: 60 }] })).resolves.toMatchObject({
      valid: true,
      ratelimits: [
        { name: 'requests', limit: 5, remaining: 4, exceeded: false },
        { name: 'tokens', limit: 100, remaining: 40, exceeded: false },
      ],
    });
    await expect(ask({ key: key.secret, ratelimits: [{ name: 'requests', cost: 2 }, { name: 'tokens', cost: 60 }] })).resolves.toMatchObject({
      code: 'RATE_LIMITED',
      ratelimits: [
        { name: 'requests', remaining: 2, exceeded: false },
        { name: 'tokens', remaining: 40, exceeded: true },
      ],
    });
    // A limit the key does not have: refused before any limit is spent.
    await expect(ask({ key: key.secret, ratelimits: [{ name: 'requests' }, { name: 'unknown' }] })).resolves.toEqual({
      valid: false,
      code: 'RATE_LIMITED',
      keyId: key.keyId,
      ratelimits: [{ name: 'unknown', limit: 0, remaining: 0, reset: new Date(TEST_NOW).toISOString(), exceeded: true }],
    });
    // An empty list is no list: the autoApply limits still apply.
    await expect(ask({ key: key.secret, ratelimits: [] })).resolves.toMatchObject({ valid: true, ratelimits: [{ name: 'requests', remaining: 1 }] });
    await expect(ask({ key: key.secret, ratelimits: [] })).resolves.toMatchObject({ valid: true, ratelimits: [{ name: 'requests', remaining: 0 }] });
    await expect(ask({ key: key.secret, ratelimits: [] })).resolves.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('a key without limits named by a call is RATE_LIMITED by the unknown name', async () => {
    const key = keyCreated();
    const { ask } = setup(key.event);
    await expect(ask({ key: key.secret, ratelimits: [{ name: 'requests' }] })).resolves.toMatchObject({ code: 'RATE_LIMITED', ratelimits: [{ name: 'requests', limit: 0, exceeded: true }] });
  });

  it('checks the key’s ratelimit first, then named limits, then credits: a limit’s refusal spends no credits, a credits refusal has spent its limit tokens', async () => {
    const key = keyCreated({ ratelimit: { limit: 5, windowSeconds: 60 }, ratelimits: [limit('requests', 2)], credits: { remaining: 1 } });
    const { ask, limiter, credits } = setup(key.event);
    await expect(ask({ key: key.secret })).resolves.toMatchObject({
      valid: true,
      ratelimit: { limit: 5, remaining: 4 },
      ratelimits: [{ name: 'requests', remaining: 1, exceeded: false }],
      credits: { remaining: 0 },
    });
    // Out of credits: the limits' places were taken all the same.
    await expect(ask({ key: key.secret })).resolves.toMatchObject({ code: 'USAGE_EXCEEDED', credits: { remaining: 0 } });
    expect(credits.asked).toHaveLength(2);
    await expect(ask({ key: key.secret })).resolves.toMatchObject({ code: 'RATE_LIMITED', ratelimit: { remaining: 2 }, ratelimits: [{ name: 'requests', exceeded: true }] });
    // Refused by a limit: credits were not asked.
    expect(credits.asked).toHaveLength(2);
    expect(limiter.calls.filter((c) => c === key.keyId)).toHaveLength(3);
  });

  it('refused by the key’s own ratelimit, answers as a key without named limits does: no list', async () => {
    const key = keyCreated({ ratelimit: { limit: 1, windowSeconds: 60 }, ratelimits: [limit('requests', 5)] });
    const { ask } = setup(key.event);
    await ask({ key: key.secret });
    await expect(ask({ key: key.secret })).resolves.toEqual({ valid: false, code: 'RATE_LIMITED', keyId: key.keyId, ratelimit: { limit: 1, remaining: 0, reset: RESET } });
  });

  it('changes with KeyNamedRateLimitsChanged', async () => {
    const key = keyCreated({ ratelimits: [limit('requests', 1)] });
    const { ask, index } = setup(key.event);
    index.apply(keyChanged('KeyNamedRateLimitsChanged', { keyId: key.keyId, ratelimits: [] }));
    const answer = await ask({ key: key.secret });
    expect(answer).toMatchObject({ valid: true });
    expect(answer.ratelimits).toBeUndefined();
  });
});

describe('verify with an identity (product.md 9.2a)', () => {
  const shared = limit('requests', 3);

  it('keys of one identity share its limits and its credits, counted under the identity', async () => {
    const a = keyCreated({ identityId: 'idn_1' });
    const b = keyCreated({ identityId: 'idn_1' });
    const { ask, limiter, credits } = setup(identityCreated('idn_1', { ratelimits: [shared], credits: { remaining: 2 } }), a.event, b.event);
    await expect(ask({ key: a.secret })).resolves.toMatchObject({ valid: true, credits: { remaining: 1 }, ratelimits: [{ name: 'requests', remaining: 2 }] });
    await expect(ask({ key: b.secret })).resolves.toMatchObject({ valid: true, credits: { remaining: 0 }, ratelimits: [{ name: 'requests', remaining: 1 }] });
    await expect(ask({ key: a.secret })).resolves.toMatchObject({ code: 'USAGE_EXCEEDED', keyId: a.keyId });
    await expect(ask({ key: b.secret })).resolves.toMatchObject({ code: 'RATE_LIMITED', ratelimits: [{ name: 'requests', exceeded: true }] });
    expect(new Set(limiter.calls)).toEqual(new Set(['idn_1.requests']));
    expect(new Set(credits.asked)).toEqual(new Set(['idn_1']));
  });

  it('a key’s own limit and credits override its identity’s', async () => {
    const key = keyCreated({ identityId: 'idn_1', ratelimits: [limit('requests', 10)], credits: { remaining: 50 } });
    const { ask, limiter, credits } = setup(identityCreated('idn_1', { ratelimits: [shared, limit('daily', 100)], credits: { remaining: 2 } }), key.event);
    await expect(ask({ key: key.secret })).resolves.toMatchObject({
      credits: { remaining: 49 },
      ratelimits: [
        { name: 'requests', limit: 10 },
        { name: 'daily', limit: 100 },
      ],
    });
    expect(limiter.calls).toEqual([`${key.keyId}.requests`, 'idn_1.daily']);
    expect(credits.asked).toEqual([key.keyId]);
  });

  it('answers carry the identity and the key’s metadata, on VALID and INSUFFICIENT_PERMISSIONS, and follow their changes', async () => {
    const key = restrictedKey(['read-only']);
    const withIdentity = keyCreated({ identityId: 'idn_1', meta: { tier: 'gold' } });
    const { ask, index } = setup(identityCreated('idn_1', { externalId: 'user_1', meta: { org: 'acme' } }), key.event, withIdentity.event);
    const identity = { id: 'idn_1', externalId: 'user_1', meta: { org: 'acme' } };
    await expect(ask({ key: withIdentity.secret })).resolves.toMatchObject({ valid: true, meta: { tier: 'gold' }, identity });
    const plain = await ask({ key: key.secret });
    expect(plain.meta).toBeUndefined();
    expect(plain.identity).toBeUndefined();
    index.apply(keyChanged('KeyMetaChanged', { keyId: key.keyId, meta: { team: 'a' } }));
    await expect(ask({ key: key.secret, require: 'calls:write' })).resolves.toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS', meta: { team: 'a' } });
    index.apply(keyChanged('KeyMetaChanged', { keyId: key.keyId, meta: {} }));
    expect((await ask({ key: key.secret })).meta).toBeUndefined();
    // An identity change reaches every key of it, cached answers included.
    index.apply(identityChanged('idn_1', { meta: { org: 'beta' } }));
    await expect(ask({ key: withIdentity.secret })).resolves.toMatchObject({ identity: { id: 'idn_1', externalId: 'user_1', meta: { org: 'beta' } } });
  });

  it.each([
    ['deleted', 'default', true],
    ['of another workspace', 'ws_other', false],
    ['never created', undefined, false],
  ] as const)('a key whose identity is %s answers DISABLED (fail closed)', async (_, workspaceId, deleteIt) => {
    const key = keyCreated({ identityId: 'idn_1' });
    const events = workspaceId === undefined ? [key.event] : [identityCreated('idn_1', { workspaceId }), key.event];
    const { ask, index } = setup(...events);
    if (deleteIt) {
      await expect(ask({ key: key.secret })).resolves.toMatchObject({ valid: true });
      index.apply(identityDeleted('idn_1'));
    }
    await expect(ask({ key: key.secret })).resolves.toEqual({ valid: false, code: 'DISABLED', keyId: key.keyId });
  });
});

describe('disable and enable (product.md 9.2a)', () => {
  it('a disabled key answers DISABLED with its id alone, and VALID again once enabled', async () => {
    const key = keyCreated({ credits: { remaining: 5 } });
    const { ask, index, credits } = setup(key.event);
    index.apply(keyChanged('KeyDisabled', { keyId: key.keyId, disabledAt: '' }));
    await expect(ask({ key: key.secret })).resolves.toEqual({ valid: false, code: 'DISABLED', keyId: key.keyId });
    expect(credits.asked).toEqual([]);
    index.apply(keyChanged('KeyEnabled', { keyId: key.keyId, enabledAt: '' }));
    await expect(ask({ key: key.secret })).resolves.toMatchObject({ valid: true, credits: { remaining: 4 } });
  });

  it('ranks after REVOKED and EXPIRED', async () => {
    const key = keyCreated({ expiresAt: '2026-11-23T11:00:00.000Z' });
    const { ask, index } = setup(key.event, keyChanged('KeyDisabled', { keyId: key.keyId, disabledAt: '' }));
    await expect(ask({ key: key.secret }, Date.parse('2026-11-23T11:00:00.000Z'))).resolves.toMatchObject({ code: 'EXPIRED' });
    index.apply(recorded({ type: 'KeyRevoked', data: { keyId: key.keyId, revokedAt: '' } }));
    await expect(ask({ key: key.secret })).resolves.toMatchObject({ code: 'REVOKED' });
  });
});
