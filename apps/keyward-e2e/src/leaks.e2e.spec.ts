import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { AuditEventPage, CreateKeyResult, CreateWorkspaceResult, ErrorBody, RotateKeyResult } from '@keyward/contracts';
import { generateKeySecret } from '@keyward/domain';
import { countEvents } from './support/event-log';
import { KeywardStack } from './support/keyward-stack';
import { dumpDatabase, leakedSecrets } from './support/secrets';

jest.setTimeout(90_000);

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const KEY_ID = 'keyward-e2e-scanner-1';
const OTHER_KEY_ID = 'keyward-e2e-scanner-2';
/** Room for the revoke-by-secret tests' requests before the one that finds the limit. */
const PER_MINUTE = 14;

interface Verdict {
  readonly token_hash: string;
  readonly token_type: string;
  readonly label: 'true_positive' | 'false_positive';
}

/** Flips one checksum character: well-formed but for its checksum. */
const tamper = (secret: string): string => secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');

/**
 * Leak reports (POST /v1/leaks) signed as GitHub's secret-scanning partner program signs them, with
 * key pairs generated here (there is no internet), and revoke-by-secret (POST /v1/keys/revoke-leaked).
 * Both routes are unauthenticated by design: a signature, or holding the key, is the credential.
 */
describe('leaked keys: signed leak reports and revoke-by-secret', () => {
  let stack: KeywardStack;
  const scanner = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const secondScanner = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const stranger = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const issued: string[] = [];

  const pem = (key: KeyObject): string => key.export({ type: 'spki', format: 'pem' }).toString();
  const createKey = async (token = stack.rootKey, body: Record<string, unknown> = { name: 'soon leaked' }): Promise<CreateKeyResult> => {
    const res = await stack.api<CreateKeyResult>('POST', '/v1/keys', body, token);
    expect(res.status).toBe(201);
    issued.push(res.body.key);
    return res.body;
  };
  const entry = (token: string, url = 'https://github.com/octo/app/blob/0123abc/.env') => ({ token, type: 'keyward_api_key', url, source: 'content' });
  const post = <T>(body: string, headers: Record<string, string>) => stack.api<T>('POST', '/v1/leaks', body, null, { 'content-type': 'application/json', ...headers });
  const signed = (body: string, privateKey: KeyObject = scanner.privateKey, keyId = KEY_ID) => ({
    'Github-Public-Key-Identifier': keyId,
    'Github-Public-Key-Signature': sign('sha256', Buffer.from(body), privateKey).toString('base64'),
  });
  const historyTypes = async (keyId: string, token = stack.rootKey) => (await stack.api<AuditEventPage>('GET', `/v1/keys/${keyId}/history`, undefined, token)).body.items;

  beforeAll(async () => {
    stack = await KeywardStack.start({
      env: { KEYWARD_REVOKE_LEAKED_PER_MINUTE: String(PER_MINUTE), KEYWARD_LEAK_REPORT_KEYS: JSON.stringify([{ key_identifier: OTHER_KEY_ID, key: pem(secondScanner.publicKey) }, { key_identifier: KEY_ID, key: pem(scanner.publicKey) }]) },
    });
    issued.push(stack.rootKey);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('a signed report revokes a live key at once: the next verify answers REVOKED; verdicts per token', async () => {
    const key = await createKey();
    const unknown = generateKeySecret('live');
    const body = JSON.stringify([entry(key.key), entry(unknown), entry(tamper(key.key)), { token: 'ghp_not_ours', type: 'other' }]);
    const res = await post<Verdict[]>(body, signed(body));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { token_hash: sha256(key.key), token_type: 'keyward_api_key', label: 'true_positive' },
      { token_hash: sha256(unknown), token_type: 'keyward_api_key', label: 'false_positive' },
      { token_hash: sha256(tamper(key.key)), token_type: 'keyward_api_key', label: 'false_positive' },
      { token_hash: sha256('ghp_not_ours'), token_type: 'other', label: 'false_positive' },
    ]);
    // No wait: the answer came after every verifier had the revocation (product.md section 5).
    expect(await stack.verify(key.key)).toMatchObject({ valid: false, code: 'REVOKED' });

    const [, reported, revoked] = await historyTypes(key.id);
    expect(reported).toMatchObject({
      type: 'KeyLeakReported',
      data: { keyId: key.id, workspaceId: 'default', reportId: sha256(body), url: 'https://github.com/octo/app/blob/0123abc/.env', source: 'content' },
      metadata: { actor: 'system', causationId: sha256(body) },
    });
    expect(revoked).toMatchObject({ type: 'KeyRevoked', data: { keyId: key.id, reason: 'leak-reported' }, metadata: { actor: 'system', causationId: sha256(body) } });
    expect((await stack.api<{ status: string }>('GET', `/v1/keys/${key.id}`)).body.status).toBe('revoked');
  });

  it('checks the signature against the key the identifier names, among those configured', async () => {
    const key = await createKey();
    const body = JSON.stringify([entry(key.key)]);
    const res = await post<Verdict[]>(body, signed(body, secondScanner.privateKey, OTHER_KEY_ID));
    expect(res.status).toBe(200);
    expect(res.body[0].label).toBe('true_positive');
  });

  it('refuses tampered, unsigned, wrongly identified and stranger-signed reports with 401, changing nothing', async () => {
    const key = await createKey();
    const body = JSON.stringify([entry(key.key)]);
    const before = await countEvents(stack.database.url);
    const attempts: Record<string, string>[] = [
      signed(JSON.stringify([entry(key.key, 'https://github.com/octo/app/blob/other/.env')])), // the signature of another body
      {},
      { 'Github-Public-Key-Identifier': KEY_ID },
      { ...signed(body), 'Github-Public-Key-Identifier': 'no-such-key' },
      signed(body, secondScanner.privateKey, KEY_ID),
      signed(body, stranger.privateKey),
      { ...signed(body), 'Github-Public-Key-Signature': 'bm90IGEgc2lnbmF0dXJl' },
    ];
    for (const headers of attempts) {
      const res = await post<ErrorBody>(body, headers);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    }
    // The signed body with a byte changed after signing.
    const tampered = await post<ErrorBody>(body.replace('content', 'c0ntent'), signed(body));
    expect(tampered.status).toBe(401);
    expect(await countEvents(stack.database.url)).toBe(before);
    expect(await stack.verify(key.key)).toMatchObject({ code: 'VALID' });
  });

  it('a replayed report gets the same verdicts and appends nothing', async () => {
    const key = await createKey();
    const body = JSON.stringify([entry(key.key)]);
    const first = await post<Verdict[]>(body, signed(body));
    const after = await countEvents(stack.database.url);
    const again = await post<Verdict[]>(body, signed(body));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await countEvents(stack.database.url)).toBe(after);
  });

  it('with revokeLeakedKeys false the leak is reported and the key stays VALID', async () => {
    const workspace = await stack.api<CreateWorkspaceResult>('POST', '/v1/workspaces', { name: 'keeps its leaks', plan: 'pro' });
    expect(workspace.status).toBe(201);
    issued.push(workspace.body.adminKey);
    const admin = workspace.body.adminKey;
    const patched = await stack.api<{ settings: { revokeLeakedKeys: boolean } }>('PATCH', '/v1/workspace', { settings: { revokeLeakedKeys: false } }, admin);
    expect(patched.status).toBe(200);
    expect(patched.body.settings.revokeLeakedKeys).toBe(false);
    const key = await createKey(admin, { name: 'kept alive' });
    const body = JSON.stringify([entry(key.key)]);
    const res = await post<Verdict[]>(body, signed(body));
    expect(res.body).toEqual([{ token_hash: sha256(key.key), token_type: 'keyward_api_key', label: 'true_positive' }]);
    expect(await stack.verify(key.key)).toMatchObject({ code: 'VALID' });
    expect((await historyTypes(key.id, admin)).map((e) => e.type)).toEqual(['KeyCreated', 'KeyLeakReported']);
  });

  it('a revoked key is still a true positive, and nothing new is appended for it', async () => {
    const key = await createKey();
    expect((await stack.api('POST', `/v1/keys/${key.id}/revoke`, {})).status).toBe(200);
    const before = await countEvents(stack.database.url);
    const body = JSON.stringify([entry(key.key, 'https://github.com/octo/app/blob/late/.env')]);
    expect((await post<Verdict[]>(body, signed(body))).body[0].label).toBe('true_positive');
    expect(await countEvents(stack.database.url)).toBe(before);
  });

  /** A rotated-away secret past its grace period (0 s): it opens nothing, so it must not kill its successor. */
  const rotatedAway = async (): Promise<{ key: CreateKeyResult; old: string; live: string }> => {
    const key = await createKey();
    const rotated = await stack.api<RotateKeyResult>('POST', `/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 0 });
    expect(rotated.status).toBe(200);
    issued.push(rotated.body.key);
    expect(await stack.verify(key.key)).toMatchObject({ code: 'EXPIRED' });
    return { key, old: key.key, live: rotated.body.key };
  };

  it('a rotated-away secret past its grace period is a true positive, recorded, and its live successor stays VALID', async () => {
    const { key, old, live } = await rotatedAway();
    const body = JSON.stringify([entry(old)]);
    const res = await post<Verdict[]>(body, signed(body));
    expect(res.body).toEqual([{ token_hash: sha256(old), token_type: 'keyward_api_key', label: 'true_positive' }]);
    expect(await stack.verify(live)).toMatchObject({ code: 'VALID' });
    expect((await historyTypes(key.id)).map((e) => e.type)).toEqual(['KeyCreated', 'KeyRotated', 'KeyLeakReported']);
  });

  it('judges each entry: an overlong token is a false positive, a url with a NUL is dropped and its key still revoked', async () => {
    const key = await createKey();
    const long = 'kw_live_' + 'x'.repeat(2_000);
    const body = JSON.stringify([entry(long), { token: key.key, type: 'keyward_api_key', url: 'https://github.com/o/r/\u0000', source: 'a\ud800' }]);
    const res = await post<Verdict[]>(body, signed(body));
    expect(res.status).toBe(200);
    expect(res.body.map((v) => v.label)).toEqual(['false_positive', 'true_positive']);
    expect(await stack.verify(key.key)).toMatchObject({ code: 'REVOKED' });
    const [, reported] = await historyTypes(key.id);
    expect(reported).toMatchObject({ type: 'KeyLeakReported', data: { reportId: sha256(body) } });
    expect(reported.data).not.toHaveProperty('url');
    expect(reported.data).not.toHaveProperty('source');
  });

  it.each([
    ['an object', { token: 'x', type: 'y' }],
    ['an empty list', []],
    ['an entry without a token', [{ type: 'keyward_api_key' }]],
    ['an entry that is no object', ['kw_live_x']],
  ])('a signed report that is %s gets 400, changing nothing', async (_, value) => {
    const before = await countEvents(stack.database.url);
    const body = JSON.stringify(value);
    const res = await post<ErrorBody>(body, signed(body));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(await countEvents(stack.database.url)).toBe(before);
  });

  describe('revoke-by-secret', () => {
    const raw = async (body?: string) => {
      const res = await fetch(`${stack.baseUrl}/v1/keys/revoke-leaked`, { method: 'POST', headers: body === undefined ? {} : { 'content-type': 'application/json' }, body });
      const text = await res.text();
      stack.openApi.check({ method: 'POST', target: '/v1/keys/revoke-leaked', status: res.status, headers: Object.fromEntries(res.headers), body: text });
      return { status: res.status, text, type: res.headers.get('content-type'), retryAfter: res.headers.get('retry-after') };
    };

    it('answers real, revoked, unknown and malformed keys, and no body, byte for byte alike; the real key is revoked', async () => {
      const key = await createKey();
      const answers = [
        await raw(JSON.stringify({ key: key.key })),
        await raw(JSON.stringify({ key: key.key })), // now revoked
        await raw(JSON.stringify({ key: generateKeySecret('live') })),
        await raw(JSON.stringify({ key: tamper(generateKeySecret('live')) })),
        await raw(JSON.stringify({ key: 42 })),
        await raw(),
        await raw('{"key":'),
        await raw(JSON.stringify([{ key: key.key }])),
        await raw(JSON.stringify({ key: 'a'.repeat(70 * 1024) })),
        await raw(JSON.stringify({ key: 'kw_live_\u0000' })),
        await raw(`${'['.repeat(2_000)}${']'.repeat(2_000)}`),
      ];
      for (const answer of answers) expect(answer).toEqual({ ...answers[0], retryAfter: null });
      expect(answers[0].status).toBe(202);
      expect(await stack.verify(key.key)).toMatchObject({ code: 'REVOKED' });
      const revoked = (await historyTypes(key.id)).at(-1);
      expect(revoked).toMatchObject({ type: 'KeyRevoked', data: { reason: 'leaked-by-holder' }, metadata: { actor: 'system' } });
    });

    it('answers a rotated-away secret past its grace period alike, and leaves its live successor VALID', async () => {
      const { old, live } = await rotatedAway();
      const answer = await raw(JSON.stringify({ key: old }));
      expect(answer).toMatchObject({ status: 202, retryAfter: null });
      expect(await stack.verify(live)).toMatchObject({ code: 'VALID' });
    });

    it('is rate limited per source address: 429 with Retry-After, and a real key sent then is not revoked', async () => {
      let limited: Awaited<ReturnType<typeof raw>> | undefined;
      for (let i = 0; i <= PER_MINUTE && !limited; i++) {
        const answer = await raw(JSON.stringify({ key: generateKeySecret('live') }));
        if (answer.status === 429) limited = answer;
      }
      expect(limited).toBeDefined();
      expect(Number(limited?.retryAfter)).toBeGreaterThan(0);
      expect(JSON.parse(limited?.text ?? '{}')).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
      const key = await createKey();
      expect((await raw(JSON.stringify({ key: key.key }))).status).toBe(429);
      expect(await stack.verify(key.key)).toMatchObject({ code: 'VALID' });
    });
  });

  it('no reported token or key secret is in any log, event or table', async () => {
    const stored = await dumpDatabase(stack.database.url);
    expect(leakedSecrets(stack.logs, issued)).toEqual([]);
    expect(leakedSecrets(stored, issued)).toEqual([]);
    expect(stored).not.toContain('ghp_not_ours');
    expect(stack.logs).not.toContain('ghp_not_ours');
  });
});
