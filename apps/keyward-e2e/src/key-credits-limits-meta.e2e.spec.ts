import type { AuditEventPage, CreateKeyResult, ErrorBody, KeyPage, KeyView } from '@keyward/contracts';
import { eventTypesByStream } from './support/event-log';
import { KeywardStack } from './support/keyward-stack';

jest.setTimeout(120_000);

const DAILY = { remaining: 100, refill: { interval: 'daily', amount: 100 } };
const TOKENS = { name: 'tokens', limit: 1_000, windowSeconds: 60 };

/**
 * A key's credits, named limits, metadata and disabling through the REST API (product.md 9.2a), the
 * services as separate processes: what the API accepts, refuses, shows and writes. What verify
 * answers with them is the verifier's (and the issue's 3-verifier e2e).
 */
describe('key credits, named limits, metadata and disable/enable', () => {
  let stack: KeywardStack;

  const create = async (body: Record<string, unknown>): Promise<CreateKeyResult> => {
    const res = await stack.api<CreateKeyResult>('POST', '/v1/keys', body);
    expect(res.status).toBe(201);
    return res.body;
  };
  const patch = <T = KeyView>(keyId: string, body: unknown) => stack.api<T>('PATCH', `/v1/keys/${keyId}`, body);
  const post = <T = KeyView>(keyId: string, action: 'disable' | 'enable' | 'revoke', headers?: Record<string, string>) =>
    stack.api<T>('POST', `/v1/keys/${keyId}/${action}`, {}, undefined, headers);
  const get = async (keyId: string, asOf?: string): Promise<KeyView> =>
    (await stack.api<KeyView>('GET', `/v1/keys/${keyId}${asOf === undefined ? '' : `?asOf=${encodeURIComponent(asOf)}`}`)).body;

  beforeAll(async () => {
    stack = await KeywardStack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('creates a key with credits, named limits, metadata; the answer, GET and the list show them', async () => {
    const meta = { plan: 'pro', seats: 3, tags: ['eu'], owner: { team: 'billing' } };
    const key = await create({ name: 'metered', credits: DAILY, ratelimits: [TOKENS, { name: 'burst', limit: 5, windowSeconds: 1, autoApply: false }], meta });
    const fields = { credits: DAILY, ratelimits: [{ ...TOKENS, autoApply: true }, { name: 'burst', limit: 5, windowSeconds: 1, autoApply: false }], meta };
    expect(key).toMatchObject({ ...fields, identityId: null });
    expect(await get(key.id)).toMatchObject({ ...fields, enabled: true, identityId: null });
    const listed = await stack.api<KeyPage>('GET', '/v1/keys?limit=100');
    expect(listed.body.items.find((k) => k.id === key.id)).toMatchObject({ ...fields, enabled: true });
  });

  it('a plain key has none: no credits, no named limits, {} metadata, enabled', async () => {
    const key = await create({ name: 'plain' });
    expect(await get(key.id)).toMatchObject({ credits: null, ratelimits: [], meta: {}, enabled: true, identityId: null });
  });

  it('PATCH sets credits as a new generation each time, even when equal; sets and clears limits and metadata', async () => {
    const key = await create({ name: 'topped up', credits: { remaining: 10 } });
    expect((await patch(key.id, { credits: { remaining: 10 } })).body.credits).toEqual({ remaining: 10 });
    expect((await patch(key.id, { credits: DAILY, ratelimits: [TOKENS], meta: { a: 1 } })).body).toMatchObject({ credits: DAILY, ratelimits: [{ ...TOKENS, autoApply: true }], meta: { a: 1 } });
    const same = await patch(key.id, { ratelimits: [TOKENS], meta: { a: 1 } });
    expect(same.status).toBe(200);
    expect((await patch(key.id, { credits: null, ratelimits: [], meta: null })).body).toMatchObject({ credits: null, ratelimits: [], meta: {} });
    expect((await eventTypesByStream(stack.database.url)).get(`key-${key.id}`)).toEqual([
      'KeyCreated',
      'KeyCreditsChanged',
      'KeyCreditsChanged',
      'KeyNamedRateLimitsChanged',
      'KeyMetaChanged',
      'KeyCreditsChanged',
      'KeyNamedRateLimitsChanged',
      'KeyMetaChanged',
    ]);
    const audit = await stack.api<AuditEventPage>('GET', `/v1/audit/events?stream=${encodeURIComponent(`key-${key.id}`)}&type=KeyCreditsChanged`);
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e) => (e.data as { generation: number }).generation)).toEqual([2, 3, 4]);
  });

  it('refuses bad credits, limits and metadata with 400 naming each field, and writes nothing', async () => {
    const key = await create({ name: 'strict' });
    const bad = await patch<ErrorBody>(key.id, {
      credits: { remaining: -1, refill: { interval: 'weekly', amount: 1 } },
      ratelimits: [{ name: 'a.b', limit: 0, windowSeconds: 1 }],
      meta: ['not', 'an', 'object'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details?.map((d) => d.field).sort()).toEqual(['credits.refill.interval', 'credits.remaining', 'meta', 'ratelimits.0.limit', 'ratelimits.0.name']);
    const tooBig = await stack.api<ErrorBody>('POST', '/v1/keys', { name: 'big', meta: { blob: 'x'.repeat(8_200) } });
    expect(tooBig.body).toMatchObject({ statusCode: 400, details: [{ field: 'meta' }] });
    const twice = await stack.api<ErrorBody>('POST', '/v1/keys', { name: 'twice', ratelimits: [TOKENS, TOKENS] });
    expect(twice.body).toMatchObject({ statusCode: 400, details: [{ field: 'ratelimits' }] });
    expect((await eventTypesByStream(stack.database.url)).get(`key-${key.id}`)).toEqual(['KeyCreated']);
  });

  it('disables and enables: the key shows it, again is a 200 no-op, the list filters by it', async () => {
    const key = await create({ name: 'switchable' });
    const disabled = await post(key.id, 'disable');
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ id: key.id, enabled: false, status: 'active' });
    expect((await post(key.id, 'disable')).body).toMatchObject({ enabled: false });
    const off = await stack.api<KeyPage>('GET', '/v1/keys?enabled=false&limit=100');
    expect(off.body.items.map((k) => k.id)).toContain(key.id);
    expect(off.body.items.every((k) => !k.enabled)).toBe(true);
    const enabled = await post(key.id, 'enable');
    expect(enabled.body).toMatchObject({ id: key.id, enabled: true });
    expect((await post(key.id, 'enable')).status).toBe(200);
    expect((await stack.api<KeyPage>('GET', '/v1/keys?enabled=false&limit=100')).body.items.map((k) => k.id)).not.toContain(key.id);
    expect((await eventTypesByStream(stack.database.url)).get(`key-${key.id}`)).toEqual(['KeyCreated', 'KeyDisabled', 'KeyEnabled']);
    expect((await stack.api<ErrorBody>('GET', '/v1/keys?enabled=maybe')).body).toMatchObject({ statusCode: 400, details: [{ field: 'enabled' }] });
  });

  it('a revoked key cannot be disabled or enabled (409 KEY_REVOKED); an unknown one is 404; a body field is 400', async () => {
    const key = await create({ name: 'revoked' });
    await post(key.id, 'revoke');
    expect((await post<ErrorBody>(key.id, 'disable')).body).toMatchObject({ statusCode: 409, code: 'KEY_REVOKED' });
    expect((await post<ErrorBody>(key.id, 'enable')).body).toMatchObject({ statusCode: 409, code: 'KEY_REVOKED' });
    expect((await post<ErrorBody>('key_000000000000000000000000', 'disable')).body).toMatchObject({ statusCode: 404, code: 'KEY_NOT_FOUND' });
    const live = await create({ name: 'body' });
    expect((await stack.api<ErrorBody>('POST', `/v1/keys/${live.id}/disable`, { now: true })).body).toMatchObject({ statusCode: 400, details: [{ field: 'now' }] });
  });

  it('Idempotency-Key: a repeated disable answers the first answer, after an enable in between too', async () => {
    const key = await create({ name: 'idempotent switch' });
    const headers = { 'idempotency-key': `disable-${key.id}` };
    const first = await post(key.id, 'disable', headers);
    await post(key.id, 'enable');
    const repeat = await post(key.id, 'disable', headers);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    expect((await get(key.id)).enabled).toBe(true);
  });

  it('GET ?asOf= shows the fields as the history made them then', async () => {
    const pause = (): Promise<void> => new Promise((r) => setTimeout(r, 50));
    const key = await create({ name: 'travelling', credits: { remaining: 1 }, meta: { v: 1 } });
    await pause();
    const before = new Date().toISOString();
    await pause();
    await patch(key.id, { credits: { remaining: 2 }, meta: { v: 2 }, ratelimits: [TOKENS] });
    await post(key.id, 'disable');
    expect(await get(key.id, before)).toMatchObject({ credits: { remaining: 1 }, meta: { v: 1 }, ratelimits: [], enabled: true });
    expect(await get(key.id, new Date().toISOString())).toMatchObject({ credits: { remaining: 2 }, meta: { v: 2 }, ratelimits: [{ name: 'tokens' }], enabled: false });
  });
});
