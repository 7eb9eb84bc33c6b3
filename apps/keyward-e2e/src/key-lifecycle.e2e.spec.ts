import type { CreateKeyResult, KeyPage, KeyView, RevokeKeyResult, RotateKeyResult } from '@keyward/contracts';
import { generateKeySecret } from '@keyward/domain';
import { dumpDatabase, leakedSecrets } from './support/secrets';
import { KeywardStack } from './support/keyward-stack';

jest.setTimeout(60_000);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Flips one checksum character to another base62 character. */
const tamper = (secret: string): string => {
  const last = secret[secret.length - 1];
  return secret.slice(0, -1) + (last === 'A' ? 'B' : 'A');
};

describe('key lifecycle, services as separate processes over NATS', () => {
  let stack: KeywardStack;
  const issued: string[] = [];

  const create = async (body: Record<string, unknown> = { name: 'orders service' }): Promise<CreateKeyResult> => {
    const res = await stack.api<CreateKeyResult>('POST', '/v1/keys', body);
    expect(res.status).toBe(201);
    issued.push(res.body.key);
    return res.body;
  };

  beforeAll(async () => {
    stack = await KeywardStack.start();
    issued.push(stack.rootKey);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('a created key verifies VALID, and says who it is', async () => {
    const key = await create({ name: 'billing sync', environment: 'test' });
    expect(key.key).toMatch(/^kw_test_[0-9A-Za-z]{38}$/);
    const answer = await stack.verify(key.key);
    expect(answer).toMatchObject({ valid: true, code: 'VALID', keyId: key.id, workspaceId: 'default', name: 'billing sync', environment: 'test' });
  });

  it('a tampered checksum is MALFORMED, an unknown well-formed key NOT_FOUND with no other field', async () => {
    const key = await create();
    expect(await stack.verify(tamper(key.key))).toEqual({ valid: false, code: 'MALFORMED' });
    expect(await stack.verify(generateKeySecret('live'))).toEqual({ valid: false, code: 'NOT_FOUND' });
  });

  it('bad JSON on the verify subject is MALFORMED and the verifier keeps serving', async () => {
    const reply = await stack.nats.request('keyward.v1.verify', new TextEncoder().encode('{not json'), { timeout: 2_000 });
    expect(JSON.parse(new TextDecoder().decode(reply.data))).toEqual({ valid: false, code: 'MALFORMED' });
    const key = await create();
    expect((await stack.verify(key.key)).code).toBe('VALID');
  });

  it('rotation with grace: both secrets valid, then the old one EXPIRED', async () => {
    const key = await create();
    const rotated = await stack.api<RotateKeyResult>('POST', `/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 2 });
    expect(rotated.status).toBe(200);
    issued.push(rotated.body.key);
    expect(rotated.body.id).toBe(key.id);
    expect((await stack.verify(key.key)).code).toBe('VALID');
    expect((await stack.verify(rotated.body.key)).code).toBe('VALID');
    await sleep(Date.parse(rotated.body.previousKeyExpiresAt) - Date.now() + 200);
    expect((await stack.verify(key.key)).code).toBe('EXPIRED');
    expect((await stack.verify(rotated.body.key)).code).toBe('VALID');
  });

  it('rotation without grace retires the old secret at once', async () => {
    const key = await create();
    const rotated = await stack.api<RotateKeyResult>('POST', `/v1/keys/${key.id}/rotate`, {});
    issued.push(rotated.body.key);
    expect((await stack.verify(key.key)).code).toBe('EXPIRED');
    expect((await stack.verify(rotated.body.key)).code).toBe('VALID');
  });

  it('revoke: REVOKED on the very next verify, shown in the table, and final', async () => {
    for (let i = 0; i < 10; i++) {
      const key = await create({ name: `revoked ${i}` });
      const revoked = await stack.api<RevokeKeyResult>('POST', `/v1/keys/${key.id}/revoke`);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ id: key.id, status: 'revoked' });
      expect((await stack.verify(key.key)).code).toBe('REVOKED');
      expect((await stack.api<KeyView>('GET', `/v1/keys/${key.id}`)).body.status).toBe('revoked');
    }
    const key = await create();
    await stack.api('POST', `/v1/keys/${key.id}/revoke`);
    const again = await stack.api('POST', `/v1/keys/${key.id}/revoke`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'KEY_REVOKED' });
    const rotate = await stack.api('POST', `/v1/keys/${key.id}/rotate`, {});
    expect(rotate.body).toMatchObject({ code: 'KEY_REVOKED' });
  });

  it('a key past its expiry answers EXPIRED and lists as expired', async () => {
    const key = await create({ name: 'short lived', expiresAt: new Date(Date.now() + 1_500).toISOString() });
    expect((await stack.verify(key.key)).code).toBe('VALID');
    await sleep(Date.parse(key.expiresAt ?? '') - Date.now() + 200);
    expect((await stack.verify(key.key)).code).toBe('EXPIRED');
    expect((await stack.api<KeyView>('GET', `/v1/keys/${key.id}`)).body.status).toBe('expired');
  });

  it('the key table lists keys with masked secrets, filters and pages', async () => {
    // Its own revoked keys, so that the filter has something to find whichever tests ran before.
    for (let i = 0; i < 11; i++) {
      const revoked = await create({ name: `listed revoked ${i}` });
      expect((await stack.api('POST', `/v1/keys/${revoked.id}/revoke`)).status).toBe(200);
    }
    const key = await create({ name: 'listed key' });
    const one = await stack.api<KeyView>('GET', `/v1/keys/${key.id}`);
    expect(one.body).toMatchObject({ id: key.id, name: 'listed key', prefix: key.key.slice(0, 12), status: 'active', usageCount: 0 });
    expect(one.body.maskedKey).toBe(`${key.key.slice(0, 12)}…${key.key.slice(-4)}`);
    const page = await stack.api<KeyPage>('GET', '/v1/keys?limit=2');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const next = await stack.api<KeyPage>('GET', `/v1/keys?limit=2&cursor=${page.body.nextCursor}`);
    expect(next.body.items.map((k) => k.id)).not.toContain(page.body.items[0].id);
    const revoked = await stack.api<KeyPage>('GET', '/v1/keys?status=revoked&limit=100');
    expect(revoked.body.items.length).toBeGreaterThanOrEqual(11);
    expect(revoked.body.items.every((k) => k.status === 'revoked')).toBe(true);
  });

  it('the gateway refuses bad input with the error format', async () => {
    const badJson = await stack.api('POST', '/v1/keys', '{"name":');
    expect(badJson.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const unknown = await stack.api('POST', '/v1/keys', { name: 'x', colour: 'red' });
    expect(unknown.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const past = await stack.api('POST', '/v1/keys', { name: 'x', expiresAt: '2000-01-01T00:00:00Z' });
    expect(past.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const long = await stack.api('POST', '/v1/keys', { name: 'x'.repeat(101) });
    expect(long.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const missing = await stack.api('GET', '/v1/keys/key_doesnotexist0000000000000');
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'KEY_NOT_FOUND' });
    const noAuth = await stack.api('GET', '/v1/keys', undefined, null);
    expect(noAuth.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    const wrongAuth = await stack.api('GET', '/v1/keys', undefined, generateKeySecret('live'));
    expect(wrongAuth.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });

  it('an admin key created by the root key can manage keys; the root key never verifies', async () => {
    const admin = await create({ name: 'admin', roles: ['admin'] });
    const made = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'made by admin' }, admin.key);
    expect(made.status).toBe(201);
    issued.push(made.body.key);
    expect((await stack.verify(stack.rootKey)).code).toBe('MALFORMED');
  });

  it('no secret appears in any table, event or log line', async () => {
    // A key created, rotated and revoked here, so the scan has secrets to look for even when run alone.
    const key = await create({ name: 'scanned' });
    const rotated = await stack.api<RotateKeyResult>('POST', `/v1/keys/${key.id}/rotate`, {});
    issued.push(rotated.body.key);
    await stack.api('POST', `/v1/keys/${key.id}/revoke`);
    const tables = await dumpDatabase(stack.database.url);
    expect(tables).toContain('KeyCreated'); // the scan really covers the event store
    expect(leakedSecrets(tables, issued)).toEqual([]);
    expect(stack.logs.length).toBeGreaterThan(0);
    expect(leakedSecrets(stack.logs, issued)).toEqual([]);
  });
});
