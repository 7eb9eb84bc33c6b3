import type { CreateKeyResult, CreateWorkspaceResult, ErrorBody, KeyView, WorkspaceView } from '@keyward/contracts';
import { eventTypesByStream } from './support/event-log';
import { KeywardStack } from './support/keyward-stack';

jest.setTimeout(120_000);

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

/** PATCH /v1/keys/:id (product.md section 7), with two verifier processes: each answers by the edit once the PATCH returned. */
describe('key edits, services as separate processes', () => {
  let stack: KeywardStack;

  const create = async (body: Record<string, unknown> = { name: 'edited' }, token?: string): Promise<CreateKeyResult> => {
    const res = await stack.api<CreateKeyResult>('POST', '/v1/keys', body, token);
    expect(res.status).toBe(201);
    return res.body;
  };
  const patch = <T = KeyView>(keyId: string, body: unknown, token?: string, headers?: Record<string, string>) => stack.api<T>('PATCH', `/v1/keys/${keyId}`, body, token, headers);
  /** A verify request with an `ip`, as any NATS client sends it. */
  const verifyFrom = async (secret: string, ip?: string): Promise<string> => {
    const reply = await stack.nats.request('keyward.v1.verify', new TextEncoder().encode(JSON.stringify({ key: secret, ...(ip === undefined ? {} : { ip }) })), { timeout: 2_000 });
    return (JSON.parse(new TextDecoder().decode(reply.data)) as { code: string }).code;
  };
  const codesFrom = async (secret: string, ip?: string): Promise<Set<string>> => new Set(await Promise.all(Array.from({ length: 8 }, () => verifyFrom(secret, ip))));
  /** Eight verifies through the queue group: both verifier processes take some (NATS spreads them at random). */
  const verifyAll = async (secret: string) => Promise.all(Array.from({ length: 8 }, () => stack.verify(secret)));

  beforeAll(async () => {
    stack = await KeywardStack.start({ verifiers: 2 });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('renames: every verifier answers the new name as soon as the PATCH returned, and the table shows it', async () => {
    for (let round = 0; round < 5; round++) {
      const key = await create({ name: `before ${round}` });
      expect(new Set((await verifyAll(key.key)).map((a) => a.name))).toEqual(new Set([`before ${round}`]));
      const renamed = await patch(key.id, { name: `  after ${round}  ` });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id: key.id, name: `after ${round}`, status: 'active' });
      expect(new Set((await verifyAll(key.key)).map((a) => a.name))).toEqual(new Set([`after ${round}`]));
      expect((await stack.api<KeyView>('GET', `/v1/keys/${key.id}`)).body.name).toBe(`after ${round}`);
    }
  });

  it('sets and clears the expiry; a past one is 400 with the field; verify follows before the PATCH returned', async () => {
    const key = await create({ name: 'expiring', expiresAt: inDays(30) });
    const expiry = inDays(2);
    const set = await patch(key.id, { expiresAt: expiry });
    expect(set.body).toMatchObject({ expiresAt: expiry, status: 'active' });
    expect(new Set((await verifyAll(key.key)).map((a) => a.expiresAt))).toEqual(new Set([expiry]));

    const past = await patch<ErrorBody>(key.id, { expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'expiresAt' }] });

    const cleared = await patch(key.id, { expiresAt: null });
    expect(cleared.body).toMatchObject({ expiresAt: null, status: 'active' });
    expect(new Set((await verifyAll(key.key)).map((a) => a.expiresAt))).toEqual(new Set([null]));
  });

  it('an expiry seconds away: the key answers EXPIRED once it passes, and a new expiry brings it back', async () => {
    const key = await create({ name: 'short-lived' });
    await patch(key.id, { expiresAt: new Date(Date.now() + 3_000).toISOString() });
    expect((await stack.verify(key.key)).code).toBe('VALID');
    await new Promise((r) => setTimeout(r, 3_200));
    expect(new Set((await verifyAll(key.key)).map((a) => a.code))).toEqual(new Set(['EXPIRED']));
    expect((await patch(key.id, { expiresAt: inDays(1) })).status).toBe(200);
    expect(new Set((await verifyAll(key.key)).map((a) => a.code))).toEqual(new Set(['VALID']));
  });

  it('sets a rate limit and an allowlist on create and by PATCH, normalised, and clears them', async () => {
    const key = await create({ name: 'limited', ratelimit: { limit: 50, windowSeconds: 10 }, ipAllowlist: ['10.1.2.3/8'] });
    expect(key).toMatchObject({ ratelimit: { limit: 50, windowSeconds: 10 }, ipAllowlist: ['10.0.0.0/8'] });
    const changed = await patch(key.id, { ratelimit: { limit: 5, windowSeconds: 1 }, ipAllowlist: ['2001:DB8::1', '::ffff:192.0.2.1'] });
    expect(changed.body).toMatchObject({ ratelimit: { limit: 5, windowSeconds: 1 }, ipAllowlist: ['2001:db8::1', '192.0.2.1'] });
    const cleared = await patch(key.id, { ratelimit: null, ipAllowlist: null });
    expect(cleared.body).toMatchObject({ ratelimit: null, ipAllowlist: [] });
    const bad = await patch<ErrorBody>(key.id, { ratelimit: { limit: 0, windowSeconds: 10 }, ipAllowlist: ['not an address'] });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.map((d) => d.field).sort()).toEqual(['ipAllowlist', 'ratelimit.limit']);
  });

  it('one PATCH appends one event per changed field; nothing changed: 200 with the key and no event', async () => {
    const key = await create({ name: 'same' });
    const same = await patch(key.id, { name: 'same', expiresAt: null, ratelimit: null, ipAllowlist: [] });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ id: key.id, name: 'same' });
    await patch(key.id, { name: 'changed', expiresAt: inDays(3), ratelimit: { limit: 1, windowSeconds: 1 }, ipAllowlist: ['192.0.2.0/24'] });
    expect((await eventTypesByStream(stack.database.url)).get(`key-${key.id}`)).toEqual(['KeyCreated', 'KeyRenamed', 'KeyExpiryChanged', 'KeyRateLimitChanged', 'KeyIpAllowlistChanged']);
  });

  it('a revoked key is 409 KEY_REVOKED, a deleted one 404, as other edits', async () => {
    const revoked = await create({ name: 'revoked' });
    await stack.api('POST', `/v1/keys/${revoked.id}/revoke`);
    expect((await patch<ErrorBody>(revoked.id, { name: 'again' })).body).toMatchObject({ statusCode: 409, code: 'KEY_REVOKED' });
    const deleted = await create({ name: 'deleted' });
    await stack.api('DELETE', `/v1/keys/${deleted.id}`);
    expect((await patch<ErrorBody>(deleted.id, { name: 'again' })).body).toMatchObject({ statusCode: 404, code: 'KEY_NOT_FOUND' });
  });

  it("another workspace's key is 404, and a key without api_keys:write is 403", async () => {
    const other = await stack.api<CreateWorkspaceResult>('POST', '/v1/workspaces', { name: 'other edits', plan: 'pro' });
    expect(other.status).toBe(201);
    const mine = await create({ name: 'mine' });
    expect((await patch<ErrorBody>(mine.id, { name: 'theirs' }, other.body.adminKey)).body).toMatchObject({ statusCode: 404, code: 'KEY_NOT_FOUND' });
    const reader = await create({ name: 'reader', roles: ['read-only'] });
    expect((await patch<ErrorBody>(mine.id, { name: 'read-only tries' }, reader.key)).status).toBe(403);
    expect((await stack.api<KeyView>('GET', `/v1/keys/${mine.id}`)).body.name).toBe('mine');
  });

  it('Idempotency-Key: a repeat answers the first answer and writes nothing; another body with it is 409', async () => {
    const key = await create({ name: 'idempotent' });
    const headers = { 'idempotency-key': `edit-${key.id}` };
    const first = await patch(key.id, { name: 'first' }, undefined, headers);
    await patch(key.id, { name: 'between' });
    const repeat = await patch(key.id, { name: 'first' }, undefined, headers);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    expect((await stack.api<KeyView>('GET', `/v1/keys/${key.id}`)).body.name).toBe('between');
    expect((await patch(key.id, { name: 'other' }, undefined, headers)).status).toBe(409);
  });

  it('an IP allowlist holds in every verifier once create or PATCH returned: inside VALID; outside, missing or bad FORBIDDEN', async () => {
    const key = await create({ name: 'listed', ipAllowlist: ['198.51.100.0/24', '2001:db8::/48'] });
    expect(await codesFrom(key.key, '198.51.100.255')).toEqual(new Set(['VALID']));
    expect(await codesFrom(key.key, '2001:db8:0:ffff::1')).toEqual(new Set(['VALID']));
    expect(await codesFrom(key.key, '::ffff:198.51.100.1')).toEqual(new Set(['VALID']));
    for (const ip of ['198.51.101.0', '2001:db8:1::1', undefined, 'not-an-ip']) expect(await codesFrom(key.key, ip)).toEqual(new Set(['FORBIDDEN']));

    await patch(key.id, { ipAllowlist: ['203.0.113.7'] });
    expect(await codesFrom(key.key, '198.51.100.1')).toEqual(new Set(['FORBIDDEN']));
    expect(await codesFrom(key.key, '203.0.113.7')).toEqual(new Set(['VALID']));
    await patch(key.id, { ipAllowlist: null });
    expect(await codesFrom(key.key)).toEqual(new Set(['VALID']));
  });

  it('GET ?asOf= shows the key as its history made it then: before the PATCH the old name and no limit, before its creation 404', async () => {
    const pause = (): Promise<void> => new Promise((r) => setTimeout(r, 50));
    const beforeCreation = new Date().toISOString();
    await pause();
    const key = await create({ name: 'first' });
    await pause();
    const between = new Date().toISOString();
    await pause();
    await patch(key.id, { name: 'second', ratelimit: { limit: 3, windowSeconds: 3 } });
    const at = (asOf: string) => stack.api<KeyView & ErrorBody>('GET', `/v1/keys/${key.id}?asOf=${encodeURIComponent(asOf)}`);
    expect((await at(between)).body).toMatchObject({ name: 'first', ratelimit: null, status: 'active' });
    expect((await at(new Date().toISOString())).body).toMatchObject({ name: 'second', ratelimit: { limit: 3, windowSeconds: 3 } });
    expect((await at(beforeCreation)).body).toMatchObject({ statusCode: 404, code: 'KEY_NOT_FOUND' });
    expect((await at('yesterday')).body).toMatchObject({ statusCode: 400, details: [{ field: 'asOf' }] });
  });

  it('rotation keeps name, expiry, rate limit and allowlist', async () => {
    const key = await create({ name: 'rotating', expiresAt: inDays(10), ratelimit: { limit: 9, windowSeconds: 60 }, ipAllowlist: ['203.0.113.0/24'] });
    await patch(key.id, { name: 'rotated' });
    expect((await stack.api('POST', `/v1/keys/${key.id}/rotate`, {})).status).toBe(200);
    expect((await stack.api<KeyView>('GET', `/v1/keys/${key.id}`)).body).toMatchObject({
      name: 'rotated',
      expiresAt: key.expiresAt,
      ratelimit: { limit: 9, windowSeconds: 60 },
      ipAllowlist: ['203.0.113.0/24'],
    });
  });

  it('workspace settings staleAfterDays and rateLimitWhenUnreachable: defaults, set, validated', async () => {
    const before = await stack.api<WorkspaceView>('GET', '/v1/workspace');
    expect(before.body.settings).toMatchObject({ staleAfterDays: 90, rateLimitWhenUnreachable: 'allow' });
    const changed = await stack.api<WorkspaceView>('PATCH', '/v1/workspace', { settings: { staleAfterDays: 30, rateLimitWhenUnreachable: 'deny' } });
    expect(changed.status).toBe(200);
    expect(changed.body.settings).toMatchObject({ staleAfterDays: 30, rateLimitWhenUnreachable: 'deny' });
    const bad = await stack.api<ErrorBody>('PATCH', '/v1/workspace', { settings: { staleAfterDays: 0, rateLimitWhenUnreachable: 'block' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.map((d) => d.field).sort()).toEqual(['settings.rateLimitWhenUnreachable', 'settings.staleAfterDays']);
    await stack.api('PATCH', '/v1/workspace', { settings: { staleAfterDays: 90, rateLimitWhenUnreachable: 'allow' } });
  });
});
