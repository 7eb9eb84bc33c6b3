import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CreateKeyResult, IdentityResult, KeyView, VerifyAnswer, VerifyRequest } from '@keyward/contracts';
import { KeywardStack } from './support/keyward-stack';
import { until } from './support/until';

jest.setTimeout(180_000);

const VERIFIERS = 3;
const DAY_MS = 86_400_000;

/**
 * product.md 9.2a with three verifier processes in the queue group: credits are exact (never more
 * spent than granted, nothing refused while some remain), refills happen once per interval on a
 * controllable clock, identities share their limits and credits, and disable/enable applies in
 * every verifier before the call returns.
 */
describe('credits, named limits, identities, metadata and disabling across three verifiers', () => {
  let stack: KeywardStack;
  /** KEYWARD_TEST_CLOCK_FILE: the services' business clock runs this many ms ahead. */
  let clockFile: string;

  const setClockOffset = (ms: number): void => writeFileSync(clockFile, String(ms));

  beforeAll(async () => {
    clockFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'keyward-clock-')), 'offset');
    writeFileSync(clockFile, '0');
    stack = await KeywardStack.start({ verifiers: VERIFIERS, env: { KEYWARD_TEST_CLOCK_FILE: clockFile } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** The plain JSON contract, as any service would send it. */
  const verify = async (request: VerifyRequest): Promise<VerifyAnswer> =>
    JSON.parse(Buffer.from((await stack.nats.request('keyward.v1.verify', Buffer.from(JSON.stringify(request)), { timeout: 5_000 })).data).toString('utf8')) as VerifyAnswer;

  const createKey = async (body: Record<string, unknown>): Promise<CreateKeyResult> => {
    const created = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'issue 14', ...body });
    expect(created.status).toBe(201);
    return created.body;
  };

  /** `calls` requests from `clients` concurrent callers; the queue group spreads them over the verifiers. */
  const burst = async (request: VerifyRequest, calls: number, clients: number): Promise<VerifyAnswer[]> => {
    const answers: VerifyAnswer[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next++ < calls) answers.push(await verify(request));
      }),
    );
    return answers;
  };

  const codes = (answers: readonly VerifyAnswer[]): Record<string, number> =>
    answers.reduce<Record<string, number>>((count, a) => ({ ...count, [a.code]: (count[a.code] ?? 0) + 1 }), {});

  it('credits 100 at cost 1, 300 concurrent verifies over three verifiers: exactly 100 VALID, each a different remaining', async () => {
    const { key, id } = await createKey({ credits: { remaining: 100 } });
    const answers = await burst({ key }, 300, 300);
    expect(codes(answers)).toEqual({ VALID: 100, USAGE_EXCEEDED: 200 });
    const remaining = answers.filter((a) => a.valid).map((a) => a.credits?.remaining);
    expect(remaining.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 100 }, (_, i) => i));
    for (const a of answers.filter((x) => !x.valid)) expect(a).toMatchObject({ code: 'USAGE_EXCEEDED', keyId: id, credits: { remaining: 0 } });
    const shown = await stack.api<KeyView>('GET', `/v1/keys/${id}`);
    expect(shown.body.credits).toMatchObject({ remaining: 0 });
  });

  it('cost 5 and cost 0: a call spends its cost or nothing, and cost 0 only checks', async () => {
    const { key } = await createKey({ credits: { remaining: 12 } });
    const at = async (cost: number): Promise<[string, number | undefined]> => {
      const a = await verify({ key, cost });
      return [a.code, a.credits?.remaining];
    };
    expect(await at(5)).toEqual(['VALID', 7]);
    expect(await at(5)).toEqual(['VALID', 2]);
    expect(await at(5)).toEqual(['USAGE_EXCEEDED', 2]);
    expect(await at(0)).toEqual(['VALID', 2]);
    expect(await at(2)).toEqual(['VALID', 0]);
    expect(await at(0)).toEqual(['USAGE_EXCEEDED', 0]);
    for (const cost of [-1, 1.5, '1', 1e10]) expect((await verify({ key, cost: cost as number })).code).toBe('MALFORMED');
  });

  it('PATCH credits sets a new balance at once in every verifier', async () => {
    const { key, id } = await createKey({ credits: { remaining: 1 } });
    expect((await verify({ key })).code).toBe('VALID');
    expect((await verify({ key })).code).toBe('USAGE_EXCEEDED');
    expect((await stack.api('PATCH', `/v1/keys/${id}`, { credits: { remaining: 3 } })).status).toBe(200);
    expect(codes(await burst({ key }, 9, 9))).toEqual({ VALID: 3, USAGE_EXCEEDED: 6 });
    expect((await stack.api('PATCH', `/v1/keys/${id}`, { credits: null })).status).toBe(200);
    const unlimited = await verify({ key });
    expect(unlimited.code).toBe('VALID');
    expect(unlimited.credits).toBeUndefined();
  });

  it('named limits: autoApply ones always, others when named, each listed with its cost; a name the key lacks allows nothing', async () => {
    const { key } = await createKey({
      ratelimits: [
        { name: 'requests', limit: 100, windowSeconds: 60 },
        { name: 'tokens', limit: 50, windowSeconds: 60, autoApply: false },
      ],
    });
    const first = await verify({ key });
    expect(first.code).toBe('VALID');
    expect(first.ratelimits?.map((r) => [r.name, r.limit, r.remaining, r.exceeded])).toEqual([['requests', 100, 99, false]]);
    const tokens = await verify({ key, ratelimits: [{ name: 'tokens', cost: 30 }] });
    expect(tokens.ratelimits?.map((r) => [r.name, r.remaining, r.exceeded])).toEqual([
      ['requests', 98, false],
      ['tokens', 20, false],
    ]);
    const over = await verify({ key, ratelimits: [{ name: 'tokens', cost: 30 }] });
    expect(over.code).toBe('RATE_LIMITED');
    expect(over.ratelimits?.find((r) => r.name === 'tokens')?.exceeded).toBe(true);
    const unknown = await verify({ key, ratelimits: [{ name: 'nope' }] });
    expect(unknown.code).toBe('RATE_LIMITED');
    expect(unknown.ratelimits?.find((r) => r.name === 'nope')).toMatchObject({ limit: 0, exceeded: true });
  });

  it('two keys of one identity share its named limit and its credits, and answers carry the identity and metadata', async () => {
    const created = await stack.api<IdentityResult>('POST', '/v1/identities', {
      externalId: `customer-${Date.now()}`,
      meta: { plan: 'pro' },
      ratelimits: [{ name: 'requests', limit: 10, windowSeconds: 60 }],
      credits: { remaining: 6 },
    });
    expect(created.status).toBe(201);
    const identity = created.body;
    const a = await createKey({ identityId: identity.id, meta: { app: 'a' } });
    const b = await createKey({ identityId: identity.id });
    const answers = [...(await burst({ key: a.key }, 5, 5)), ...(await burst({ key: b.key }, 5, 5))];
    expect(codes(answers)).toEqual({ VALID: 6, USAGE_EXCEEDED: 4 });
    const valid = answers.find((x) => x.valid && x.keyId === a.id);
    expect(valid).toMatchObject({ identity: { id: identity.id, externalId: identity.externalId, meta: { plan: 'pro' } }, meta: { app: 'a' } });
    // The shared limit: 10 places in the window for both keys; 10 verifies were taken above.
    expect((await stack.api('PATCH', `/v1/identities/${identity.id}`, { credits: { remaining: 100 } })).status).toBe(200);
    const more = [...(await burst({ key: a.key }, 3, 3)), ...(await burst({ key: b.key }, 3, 3))];
    expect(codes(more)).toEqual({ RATE_LIMITED: 6 });
    expect((await stack.api('DELETE', `/v1/identities/${identity.id}`)).status).toBe(409);
  });

  it('disable, then enable: applied in every verifier before each call returns', async () => {
    const { key, id } = await createKey({});
    expect((await stack.api('POST', `/v1/keys/${id}/disable`)).status).toBe(200);
    expect(codes(await burst({ key }, 3 * VERIFIERS, 3 * VERIFIERS))).toEqual({ DISABLED: 3 * VERIFIERS });
    expect((await stack.api<KeyView>('GET', `/v1/keys/${id}`)).body.enabled).toBe(false);
    expect((await stack.api('POST', `/v1/keys/${id}/enable`)).status).toBe(200);
    expect(codes(await burst({ key }, 3 * VERIFIERS, 3 * VERIFIERS))).toEqual({ VALID: 3 * VERIFIERS });
  });

  it('permission queries: AND, OR and parentheses over the key grants; a bad query is MALFORMED', async () => {
    const { key } = await createKey({ permissions: { calls: 'read', contacts: 'write' } });
    expect((await verify({ key, require: '(contacts:read OR messages:read) AND calls:read' })).code).toBe('VALID');
    expect((await verify({ key, require: 'calls:write OR (messages:read AND contacts:write)' })).code).toBe('INSUFFICIENT_PERMISSIONS');
    expect((await verify({ key, require: '(calls:read AND' })).code).toBe('MALFORMED');
  });

  // Last: it moves the services' clock forward.
  it('a daily refill sets the balance once per day with the clock moved on, whichever verifier answers, also after they restart', async () => {
    const { key } = await createKey({ credits: { remaining: 2, refill: { interval: 'daily', amount: 5 } } });
    expect(codes(await burst({ key }, 6, 6))).toEqual({ VALID: 2, USAGE_EXCEEDED: 4 });
    const nextMidnight = Math.ceil(Date.now() / DAY_MS) * DAY_MS;
    setClockOffset(nextMidnight - Date.now() + 60_000);
    await until('the refill', async () => ((await verify({ key, cost: 0 })).code === 'VALID' ? true : undefined));
    expect(codes(await burst({ key }, 12, 12))).toEqual({ VALID: 5, USAGE_EXCEEDED: 7 });
    for (const verifier of stack.running('verifier')) await stack.stopService(verifier);
    for (let i = 0; i < VERIFIERS; i++) stack.spawn('verifier');
    await stack.waitUntilReady(60_000);
    expect((await verify({ key })).code).toBe('USAGE_EXCEEDED');
    setClockOffset(nextMidnight - Date.now() + DAY_MS + 60_000);
    await until('the next refill', async () => ((await verify({ key, cost: 0 })).code === 'VALID' ? true : undefined));
    expect(codes(await burst({ key }, 12, 12))).toEqual({ VALID: 5, USAGE_EXCEEDED: 7 });
  });
});
