import { randomBytes } from 'node:crypto';
import type { CreateKeyResult, CreateWorkspaceResult, CredentialView, RoleView } from '@keyward/contracts';
import { runKeyward } from './support/keyward-cli';
import { KeywardStack } from './support/keyward-stack';
import { dumpDatabase, leakedSecrets } from './support/secrets';
import { LOCAL_OUTBOUND_ENV, ThirdParty } from './support/third-party';

jest.setTimeout(180_000);

interface Brokered {
  readonly status: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: string;
}

/** A value with characters that change when URL-encoded (+ / =), so encoded echoes are tested too. */
const newValue = (): string => `sk_e2e_${randomBytes(24).toString('base64')}+/=`;

describe('the credential broker: POST /v1/credentials/:id/requests against a local third party', () => {
  let stack: KeywardStack;
  let party: ThirdParty;
  /** Every value ever stored or rotated in: none may appear in an answer, a log line, an event or a table. */
  const values: string[] = [];
  /** Every body the gateway answered, for the final scan. */
  const answers: string[] = [];

  const api = async <T>(method: string, route: string, body?: unknown, token?: string | null): Promise<{ status: number; body: T }> => {
    const res = await stack.api<T>(method, route, body, token === undefined ? stack.rootKey : token);
    answers.push(JSON.stringify(res.body ?? null));
    return res;
  };

  const store = async (body: Record<string, unknown>, token?: string): Promise<CredentialView> => {
    const value = newValue();
    values.push(value);
    const res = await api<CredentialView>('POST', '/v1/credentials', { service: 'third party', name: `cred ${values.length}`, value, allowedHosts: [party.host], ...body }, token);
    if (res.status !== 201) throw new Error(`store answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const key = async (body: Record<string, unknown>): Promise<CreateKeyResult> => {
    const res = await api<CreateKeyResult>('POST', '/v1/keys', { name: 'broker user', ...body });
    if (res.status !== 201) throw new Error(`key create answered ${res.status}`);
    return res.body;
  };

  const send = (credentialId: string, request: Record<string, unknown>, token?: string | null) =>
    api<Brokered & { code?: string; message?: string }>('POST', `/v1/credentials/${credentialId}/requests`, { method: 'GET', url: party.url('/v1/thing'), ...request }, token);

  const lastReceived = () => party.received[party.received.length - 1];

  beforeAll(async () => {
    party = await ThirdParty.start();
    stack = await KeywardStack.start({ env: LOCAL_OUTBOUND_ENV });
  });

  afterAll(async () => {
    await stack?.stop();
    await party?.stop();
  });

  it('places the value in a header by its name; the echoing third party never gets it back to the caller', async () => {
    const credential = await store({ location: 'header', parameterName: 'X-API-Key' });
    const res = await send(credential.id, { method: 'POST', url: party.url('/v1/charges?amount=5'), headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(res.status).toBe(200);
    expect(lastReceived()).toMatchObject({ method: 'POST', url: '/v1/charges?amount=5', body: 'hello', headers: { 'x-api-key': values.at(-1), 'content-type': 'text/plain' } });
    expect(res.body.status).toBe(200);
    expect(res.body.body).toContain('[REDACTED]');
    expect(JSON.parse(res.body.body)).toMatchObject({ method: 'POST', url: '/v1/charges?amount=5', body: 'hello' });
    expect(leakedSecrets(JSON.stringify(res.body), values)).toEqual([]);
  });

  it('places the value in a query parameter, URL-encoded, and redacts its encoded echo', async () => {
    const credential = await store({ location: 'query', parameterName: 'api_key' });
    const res = await send(credential.id, { url: party.url('/v1/search?q=x') });
    expect(res.status).toBe(200);
    const url = new URL(lastReceived().url, 'http://x');
    expect([url.searchParams.get('q'), url.searchParams.get('api_key')]).toEqual(['x', values.at(-1)]);
    expect(JSON.stringify(res.body)).not.toContain(encodeURIComponent(values.at(-1) ?? ''));
    expect(leakedSecrets(JSON.stringify(res.body), values)).toEqual([]);
  });

  it('places the value as Authorization: Bearer', async () => {
    const credential = await store({ location: 'bearer' });
    const res = await send(credential.id, {});
    expect(res.status).toBe(200);
    expect(lastReceived().headers.authorization).toBe(`Bearer ${values.at(-1)}`);
    expect(leakedSecrets(JSON.stringify(res.body), values)).toEqual([]);
  });

  it("refuses a caller's own header or parameter under the credential's name, sending nothing", async () => {
    const header = await store({ location: 'header', parameterName: 'X-API-Key' });
    const query = await store({ location: 'query', parameterName: 'api_key' });
    const bearer = await store({ location: 'bearer' });
    const before = party.received.length;
    expect((await send(header.id, { headers: { 'x-api-key': 'mine' } })).status).toBe(400);
    expect((await send(query.id, { url: party.url('/?api_key=mine') })).status).toBe(400);
    expect((await send(bearer.id, { headers: { Authorization: 'Bearer mine' } })).status).toBe(400);
    expect(party.received.length).toBe(before);
  });

  it('lets the owner, a key it is shared with and a key holding a role it is shared with use it; no one else, and unsharing holds at once', async () => {
    const role = (await api<RoleView>('POST', '/v1/roles', { name: 'billing team', permissions: ['calls:read'] })).body;
    const owner = await key({ permissions: { credentials: 'write' } });
    const friend = await key({ permissions: { calls: 'read' } });
    const teammate = await key({ roles: [role.id] });
    const stranger = await key({ unrestricted: true });
    const credential = await store({ location: 'header', parameterName: 'X-API-Key' }, owner.key);
    const shared = await api('PUT', `/v1/credentials/${credential.id}/sharing`, { keys: [friend.id], roles: [role.id] }, owner.key);
    expect(shared.status).toBe(200);

    for (const user of [owner, friend, teammate]) expect((await send(credential.id, {}, user.key)).status).toBe(200);
    const before = party.received.length;
    const refused = await send(credential.id, {}, stranger.key);
    expect(refused).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    // Root manages everything but uses only what it owns or is shared with.
    expect((await send(credential.id, {})).status).toBe(403);
    expect(party.received.length).toBe(before);

    expect((await api('PUT', `/v1/credentials/${credential.id}/sharing`, { keys: [], roles: [] }, owner.key)).status).toBe(200);
    expect((await send(credential.id, {}, friend.key)).status).toBe(403);
    expect((await send(credential.id, {}, teammate.key)).status).toBe(403);
    expect((await send(credential.id, {}, owner.key)).status).toBe(200);
    expect(party.received.length).toBe(before + 1);
  });

  it('does not count an unrestricted key (it holds no roles) as holding admin: a share to the admin role covers keys with that role only', async () => {
    const admin = await key({ roles: ['admin'] });
    const unrestricted = await key({ unrestricted: true });
    const credential = await store({ location: 'header', parameterName: 'X-API-Key', sharedWith: { keys: [], roles: ['admin'] } });
    expect((await send(credential.id, {}, admin.key)).status).toBe(200);
    expect(await send(credential.id, {}, unrestricted.key)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('lets only the owner use a shared credential once the plan loses credential sharing (402 for its sharers, nothing sent), and the sharers again after an upgrade', async () => {
    const tenant = (await api<CreateWorkspaceResult>('POST', '/v1/workspaces', { name: 'downgraded tenant', plan: 'enterprise' })).body;
    const friend = (await api<CreateKeyResult>('POST', '/v1/keys', { name: 'friend', permissions: { calls: 'read' } }, tenant.adminKey)).body;
    const credential = await store({ location: 'header', parameterName: 'X-API-Key', sharedWith: { keys: [friend.id], roles: [] } }, tenant.adminKey);
    expect((await send(credential.id, {}, friend.key)).status).toBe(200);

    expect((await api('PATCH', `/v1/workspaces/${tenant.id}`, { plan: 'pro' })).status).toBe(200);
    const before = party.received.length;
    expect(await send(credential.id, {}, friend.key)).toMatchObject({ status: 402, body: { code: 'PLAN_UPGRADE_REQUIRED' } });
    expect(party.received.length).toBe(before);
    expect((await send(credential.id, {}, tenant.adminKey)).status).toBe(200);

    expect((await api('PATCH', `/v1/workspaces/${tenant.id}`, { plan: 'enterprise' })).status).toBe(200);
    expect((await send(credential.id, {}, friend.key)).status).toBe(200);
  });

  it('keeps no broker answer: an Idempotency-Key is refused (400), nothing sent and no idempotency record made', async () => {
    const credential = await store({ location: 'header', parameterName: 'X-API-Key' });
    const before = party.received.length;
    const body = { method: 'POST', url: party.url('/v1/charges'), body: 'amount=5' };
    const keyed = await stack.api<{ code: string; details: { field: string }[] }>('POST', `/v1/credentials/${credential.id}/requests`, body, stack.rootKey, { 'Idempotency-Key': 'charge-1' });
    answers.push(JSON.stringify(keyed.body));
    expect({ status: keyed.status, code: keyed.body.code, fields: keyed.body.details.map((d) => d.field) }).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['Idempotency-Key'] });
    expect(party.received.length).toBe(before);
    expect((await send(credential.id, body)).status).toBe(200);
    expect(await dumpDatabase(stack.database.url)).not.toContain('charge-1');
  });

  it('refuses every host outside the allowlist and every trick to reach one, sending nothing', async () => {
    const credential = await store({ location: 'header', parameterName: 'X-API-Key' });
    const before = party.received.length;
    // 403: a place it may not go; 400: a URL that is no place at all.
    const tricks: readonly (readonly [string, number])[] = [
      [`http://localhost:${party.port}/`, 403],
      [`http://127.0.0.2:${party.port}/`, 403],
      [`http://[::1]:${party.port}/`, 403],
      [`http://[::ffff:127.0.0.1]:${party.port}/`, 403],
      [`http://127.0.0.1:${party.port + 1}/`, 403],
      ['http://127.0.0.1/', 403],
      [`http://127.0.0.1.evil.example:${party.port}/`, 403],
      [`http://evil.example@127.0.0.1:${party.port}/`, 400],
      [`http://127.0.0.1:${party.port}@evil.example/`, 400],
      [`ftp://127.0.0.1:${party.port}/`, 400],
      ['not a url', 400],
    ];
    for (const [url, status] of tricks) expect({ url, status: (await send(credential.id, { url })).status }).toEqual({ url, status });
    expect(party.received.length).toBe(before);
  });

  it('answers a redirect as is and never follows it', async () => {
    const credential = await store({ location: 'header', parameterName: 'X-API-Key' });
    const before = party.received.length;
    const res = await send(credential.id, { url: party.url('/redirect') });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 302, headers: { location: 'https://elsewhere.example/' } });
    expect(party.received.length).toBe(before + 1);
  });

  it('uses a rotated value from the next request on, with no request failing during the rotation', async () => {
    const credential = await store({ location: 'header', parameterName: 'X-API-Key' });
    const first = values.at(-1);
    let running = true;
    const statuses: number[] = [];
    const users = Array.from({ length: 4 }, async () => {
      while (running) statuses.push((await send(credential.id, {})).status);
    });
    const rotated = newValue();
    values.push(rotated);
    expect((await api('PUT', `/v1/credentials/${credential.id}/value`, { value: rotated })).status).toBe(200);
    expect((await send(credential.id, {})).status).toBe(200);
    expect(lastReceived().headers['x-api-key']).toBe(rotated);
    running = false;
    await Promise.all(users);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(party.received.some((r) => r.headers['x-api-key'] === first)).toBe(true);
  });

  it('keeps every request succeeding while the master key is rotated (keyward vault rotate-master-key)', async () => {
    const credential = await store({ location: 'bearer' });
    let running = true;
    const statuses: number[] = [];
    const users = Array.from({ length: 4 }, async () => {
      while (running) statuses.push((await send(credential.id, {})).status);
    });
    const rotation = await runKeyward(['vault', 'rotate-master-key', '--json'], { KEYWARD_DATA_DIR: stack.dataDir, DATABASE_URL: stack.database.url });
    expect(rotation).toMatchObject({ code: 0 });
    expect(JSON.parse(rotation.stdout)).toMatchObject({ rewrapped: expect.any(Number) });
    expect((JSON.parse(rotation.stdout) as { rewrapped: number }).rewrapped).toBeGreaterThan(0);
    expect((await send(credential.id, {})).status).toBe(200);
    running = false;
    await Promise.all(users);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(lastReceived().headers.authorization).toBe(`Bearer ${values.at(-1)}`);
  });

  it('answers 404 with a clear message once the credential is deleted, sending nothing', async () => {
    const credential = await store({ location: 'header', parameterName: 'X-API-Key' });
    expect((await send(credential.id, {})).status).toBe(200);
    expect((await api('DELETE', `/v1/credentials/${credential.id}`)).status).toBe(204);
    const before = party.received.length;
    const res = await send(credential.id, {});
    expect(res).toMatchObject({ status: 404, body: { code: 'CREDENTIAL_NOT_FOUND', message: expect.stringContaining('deleted') } });
    expect(party.received.length).toBe(before);
  });

  it('never shows a value in any answer, log line, event or table', async () => {
    expect(values.length).toBeGreaterThan(5);
    expect(leakedSecrets(answers.join('\n'), values)).toEqual([]);
    // The echoing third party URL-encodes its whole echo into a header: the query value arrives there encoded twice.
    expect(leakedSecrets(answers.join('\n'), values.map(encodeURIComponent))).toEqual([]);
    expect(leakedSecrets(answers.join('\n'), values.map((v) => encodeURIComponent(encodeURIComponent(v))))).toEqual([]);
    expect(leakedSecrets(stack.logs, values)).toEqual([]);
    expect(leakedSecrets(await dumpDatabase(stack.database.url), values)).toEqual([]);
  });
});
