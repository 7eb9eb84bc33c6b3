import type { CreateKeyResult } from '@keyward/contracts';
import { generateKeySecret } from '@keyward/domain';
import { ExampleCallsService, type KeyPlacement } from './support/example-calls-service';
import { KeywardStack } from './support/keyward-stack';
import { leakedSecrets } from './support/secrets';

jest.setTimeout(60_000);

/**
 * A product's own service, guarded by @keyward/client (apps/example-calls-service), in front of
 * the real stack: keys made through the gateway, checked by the verifier over NATS.
 */
describe('a downstream service guarded by @keyward/client', () => {
  let stack: KeywardStack;
  let service: ExampleCallsService;
  let unrestricted: CreateKeyResult;
  let callsReader: CreateKeyResult;
  let revoked: CreateKeyResult;

  const create = async (body: Record<string, unknown>): Promise<CreateKeyResult> => {
    const res = await stack.api<CreateKeyResult>('POST', '/v1/keys', body);
    if (res.status !== 201) throw new Error(`creating a key answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    stack = await KeywardStack.start();
    service = await ExampleCallsService.start(stack);
    unrestricted = await create({ name: 'unrestricted', unrestricted: true });
    callsReader = await create({ name: 'calls reader', permissions: { calls: 'read' } });
    revoked = await create({ name: 'revoked', unrestricted: true });
    expect((await stack.api('POST', `/v1/keys/${revoked.id}/revoke`)).status).toBe(200);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('serves /health without a key', async () => {
    expect((await service.request('GET', '/health')).status).toBe(200);
  });

  it('answers 401 UNAUTHENTICATED without a key', async () => {
    const res = await service.request('GET', '/calls');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: expect.any(String) });
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it.each<[string, () => string, string]>([
    ['a malformed key', () => 'kw_live_not-a-key', 'MALFORMED'],
    ['an unknown key', () => generateKeySecret('live'), 'NOT_FOUND'],
    ['a revoked key', () => revoked.key, 'REVOKED'],
  ])('answers 401 with the verifier’s code for %s', async (_, key, code) => {
    const res = await service.request('GET', '/calls', { key: key() });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, code, message: expect.any(String) });
  });

  it('lets a key restricted to calls:read list calls, but not place one', async () => {
    expect((await service.request('GET', '/calls', { key: callsReader.key })).status).toBe(200);
    const place = await service.request('POST', '/calls', { key: callsReader.key, body: { to: '+15550100' } });
    expect(place.status).toBe(403);
    expect(place.body).toEqual({ statusCode: 403, code: 'INSUFFICIENT_PERMISSIONS', message: expect.any(String) });
  });

  it('lets an unrestricted key place and list calls, as itself and in its workspace', async () => {
    const placed = await service.request('POST', '/calls', { key: unrestricted.key, body: { to: '+15550100' } });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ to: '+15550100', workspaceId: 'default', createdBy: unrestricted.id });
    const listed = await service.request<{ items: { id: string }[] }>('GET', '/calls', { key: unrestricted.key });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c) => c.id)).toContain(placed.body.id);
    // The restricted key of the same workspace sees the same calls.
    expect((await service.request<{ items: unknown[] }>('GET', '/calls', { key: callsReader.key })).body.items).toHaveLength(listed.body.items.length);
  });

  it.each<[KeyPlacement]>([['bearer'], ['x-api-key'], ['query']])('takes the key from %s', async (placement) => {
    expect((await service.request('GET', '/calls', { key: callsReader.key, placement })).status).toBe(200);
  });

  it('refuses two different keys in one request with 401, whichever is good', async () => {
    const res = await service.request('GET', '/calls', { key: unrestricted.key, headers: { 'x-api-key': callsReader.key } });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    // The same key twice is just that key.
    expect((await service.request('GET', '/calls', { key: callsReader.key, headers: { 'x-api-key': callsReader.key } })).status).toBe(200);
  });

  it('computes the workflow share from the route: workflows/<id>:read', async () => {
    const allowed = await service.request('GET', '/workflows/wf_42', { key: unrestricted.key });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toEqual({ id: 'wf_42', workspaceId: 'default' });
    const refused = await service.request('GET', '/workflows/wf_42', { key: callsReader.key });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS' });
    // An id no share can name is no key's to read; a bad key is still a 401 first.
    expect((await service.request('GET', '/workflows/wf%2042', { key: unrestricted.key })).status).toBe(403);
    expect((await service.request('GET', '/workflows/wf%2042', { key: revoked.key })).status).toBe(401);
  });

  it('a key shared one workflow reads that workflow and no other, until it is unshared', async () => {
    const shared = await create({ name: 'shared one workflow', permissions: { calls: 'read' } });
    const share = await stack.api('POST', `/v1/keys/${shared.id}/shares`, { resource: 'workflows', resourceId: 'wf_42', access: 'read' });
    expect(share.status).toBe(200);
    expect((await service.request('GET', '/workflows/wf_42', { key: shared.key })).status).toBe(200);
    const other = await service.request('GET', '/workflows/wf_43', { key: shared.key });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS' });
    expect((await stack.api('DELETE', `/v1/keys/${shared.id}/shares/workflows/wf_42`)).status).toBe(200);
    expect((await service.request('GET', '/workflows/wf_42', { key: shared.key })).status).toBe(403);
  });

  it('answers 429 RATE_LIMITED with Retry-After once a key is over its limit', async () => {
    const limited = await create({ name: 'limited', unrestricted: true, ratelimit: { limit: 2, windowSeconds: 3_600 } });
    for (let i = 0; i < 2; i++) expect((await service.request('GET', '/calls', { key: limited.key })).status).toBe(200);
    const over = await service.request('GET', '/calls', { key: limited.key });
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ statusCode: 429, code: 'RATE_LIMITED', message: expect.any(String) });
    const resetsIn = Math.ceil((Math.floor(Date.now() / 3_600_000) * 3_600_000 + 3_600_000 - Date.now()) / 1_000);
    expect(Math.abs(Number(over.headers.get('retry-after')) - resetsIn)).toBeLessThanOrEqual(2);
  });

  it("answers 403 FORBIDDEN to a caller outside the key's IP allowlist, and serves one inside it", async () => {
    const elsewhere = await create({ name: 'elsewhere only', unrestricted: true, ipAllowlist: ['10.0.0.0/8'] });
    const refused = await service.request('GET', '/calls', { key: elsewhere.key });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ statusCode: 403, code: 'FORBIDDEN', message: expect.any(String) });
    const local = await create({ name: 'loopback only', unrestricted: true, ipAllowlist: ['127.0.0.1', '::1'] });
    expect((await service.request('GET', '/calls', { key: local.key })).status).toBe(200);
  });

  it('answers 503 UNAVAILABLE when no verifier answers, and no key reached any log', async () => {
    await Promise.all(stack.running('verifier').map((v) => stack.stopService(v)));
    const res = await service.request('GET', '/calls', { key: unrestricted.key });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ statusCode: 503, code: 'UNAVAILABLE', message: expect.any(String) });
    expect(leakedSecrets(stack.logs, [unrestricted.key, callsReader.key, revoked.key, stack.rootKey])).toEqual([]);
    // A verifier again, so that no test depends on running before this one.
    stack.spawn('verifier');
    await stack.waitUntilReady();
    expect((await service.request('GET', '/calls', { key: unrestricted.key })).status).toBe(200);
  });
});
