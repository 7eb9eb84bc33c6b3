import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CreateKeyResult } from '@keyward/contracts';
import { expectAccessible } from './support/axe';
import { dumpDatabase, leakedSecrets } from './support/secrets';
import { screenshot, TestBrowser } from './support/browser';
import { KeywardStack } from './support/keyward-stack';

jest.setTimeout(90_000);

/** A console build of the test's own: one hashed module script, and an inline one the CSP must refuse. */
const writeConsoleBuild = (dir: string): void => {
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'assets', 'app-3f2a1b.js'), "document.querySelector('#status').textContent = 'loaded';\n");
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Keyward</title>
<script type="module" src="/assets/app-3f2a1b.js"></script></head>
<body><main><h1>Keyward</h1><p id="status">waiting</p><p id="inline">not run</p></main>
<script>document.querySelector('#inline').textContent = 'ran';</script></body></html>\n`,
  );
};

interface SessionBody {
  csrfToken: string | null;
  principal: { workspaceId: string; keyId: string | null; root: boolean; permissions: string[] };
  createdAt: string | null;
}

interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** The value of the session cookie a Set-Cookie header sets, and its attributes. */
const setCookieOf = (headers: Headers): { value: string; attributes: string[] } | undefined => {
  const header = headers.getSetCookie().find((c) => c.startsWith('keyward_session='));
  if (!header) return undefined;
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  return { value: pair.slice('keyward_session='.length), attributes };
};

describe('console sessions over HTTP', () => {
  let stack: KeywardStack;
  /** Every key that signed in and every session id it got: none may appear in a log. */
  const signedInKeys: string[] = [];

  /** A request as the console makes it: the cookie, and the CSRF token when given; each answer checked against the OpenAPI document. */
  const call = async <T = Record<string, unknown>>(
    method: string,
    route: string,
    options: { cookie?: string; csrf?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.cookie !== undefined) headers.cookie = `keyward_session=${options.cookie}`;
    if (options.csrf !== undefined) headers['x-csrf-token'] = options.csrf;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const response = await fetch(`${stack.baseUrl}${route}`, { method, headers, body });
    const text = await response.text();
    stack.openApi.check({ method, target: route, status: response.status, headers: Object.fromEntries(response.headers), body: text });
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  };

  const signIn = async (key: string): Promise<{ cookie: string; session: SessionBody }> => {
    signedInKeys.push(key);
    const res = await call<SessionBody>('POST', '/v1/session', { body: { key } });
    expect(res.status).toBe(200);
    const cookie = setCookieOf(res.headers);
    if (!cookie) throw new Error('no session cookie');
    signedInKeys.push(cookie.value);
    return { cookie: cookie.value, session: res.body };
  };

  const newKey = async (body: Record<string, unknown>): Promise<CreateKeyResult> => {
    const res = await stack.api<CreateKeyResult>('POST', '/v1/keys', body);
    expect(res.status).toBe(201);
    return res.body;
  };

  const sql = <Row>(text: string, values: unknown[] = []): Promise<Row[]> => stack.sql<Row>(text, values);
  const sessionCount = async (): Promise<number> => Number((await sql<{ n: string }>('SELECT count(*) AS n FROM console_sessions'))[0].n);

  beforeAll(async () => {
    stack = await KeywardStack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('signs in with an admin key: an HttpOnly, SameSite=Strict cookie, a CSRF token and the principal, never the key', async () => {
    const admin = await newKey({ name: 'console admin', unrestricted: true });
    signedInKeys.push(admin.key);
    const res = await call<SessionBody>('POST', '/v1/session', { body: { key: admin.key } });
    expect(res.status).toBe(200);
    const cookie = setCookieOf(res.headers);
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Plain http to loopback (a developer's machine): the one case without Secure, and so without the __Host- name.
    expect(cookie?.attributes.map((a) => a.toLowerCase()).sort()).toEqual(['httponly', 'path=/', 'samesite=strict']);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({ csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), principal: { workspaceId: 'default', keyId: admin.id, root: false, permissions: ['*:write'] }, createdAt: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toContain(admin.key);
    // Only the id's digest is stored; neither the id, nor the key in any form.
    const rows = await sql<{ key_id: string; id_hash: Buffer }>('SELECT key_id, id_hash FROM console_sessions WHERE key_id = $1', [admin.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].id_hash).toHaveLength(32);
    expect(leakedSecrets(await dumpDatabase(stack.database.url), [admin.key, cookie?.value ?? ''])).toEqual([]);
  });

  it('reads with the cookie alone, writes only with the CSRF token; a reload gets the same token back', async () => {
    const admin = await newKey({ name: 'console writer', unrestricted: true });
    const { cookie, session } = await signIn(admin.key);
    expect((await call('GET', '/v1/keys', { cookie })).status).toBe(200);
    expect((await call<SessionBody>('GET', '/v1/session', { cookie })).body).toEqual(session);
    const refused = await call<{ code: string; message: string; details?: unknown }>('POST', '/v1/keys', { cookie, body: { name: 'by cookie' } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(refused.body.message).toMatch(/X-CSRF-Token/);
    // Told apart from a key's missing permission: the console then fetches the session again.
    expect(refused.body).toMatchObject({ details: [{ field: 'X-CSRF-Token' }] });
    expect((await call('POST', '/v1/keys', { cookie, csrf: 'not-the-token', body: { name: 'by cookie' } })).status).toBe(403);
    expect((await call('POST', '/v1/keys', { cookie, csrf: `${session.csrfToken}x`, body: { name: 'by cookie' } })).status).toBe(403);
    const made = await call<CreateKeyResult>('POST', '/v1/keys', { cookie, csrf: session.csrfToken ?? '', body: { name: 'by cookie' } });
    expect(made.status).toBe(201);
    // The write is the session's key's, as with a bearer.
    const history = await stack.api<{ items: { metadata: { actor: string } }[] }>('GET', `/v1/keys/${made.body.id}/history`);
    expect(history.body.items[0].metadata.actor).toBe(admin.id);
  });

  it('acts as the key now: a read-only key’s session may read but not write, whatever the CSRF token', async () => {
    const reader = await newKey({ name: 'console reader', roles: ['read-only'] });
    const { cookie, session } = await signIn(reader.key);
    expect(session.principal.permissions).toEqual(['*:read']);
    expect((await call('GET', '/v1/keys', { cookie })).status).toBe(200);
    const refused = await call<{ code: string; details?: unknown }>('POST', '/v1/keys', { cookie, csrf: session.csrfToken ?? '', body: { name: 'no' } });
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(refused.body.details).toBeUndefined();
  });

  it('lets only keys that may read a management resource sign in: a data-plane key gets 403 and no session', async () => {
    const dataPlane = await newKey({ name: 'console data plane', permissions: { calls: 'read' } });
    const before = await sessionCount();
    const refused = await call<{ code: string }>('POST', '/v1/session', { body: { key: dataPlane.key } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(setCookieOf(refused.headers)).toBeUndefined();
    expect(await sessionCount()).toBe(before);
    const auditor = await newKey({ name: 'console auditor', permissions: { audit: 'read' } });
    expect((await call('POST', '/v1/session', { body: { key: auditor.key } })).status).toBe(200);
  });

  it('ends the browser’s previous session at sign-in, and trusts no session when several session cookies come', async () => {
    const before = await signIn(stack.rootKey);
    const again = await call<SessionBody>('POST', '/v1/session', { cookie: before.cookie, body: { key: stack.rootKey } });
    expect(again.status).toBe(200);
    const after = setCookieOf(again.headers)?.value ?? '';
    signedInKeys.push(after);
    expect((await call('GET', '/v1/keys', { cookie: before.cookie })).status).toBe(401);
    expect((await call('GET', '/v1/keys', { cookie: after })).status).toBe(200);
    // A cookie planted at Path=/v1 (sent first) beside the real one, under either name: neither counts, both are cleared.
    const planted = await signIn(stack.rootKey);
    for (const cookie of [`keyward_session=${planted.cookie}; keyward_session=${after}`, `keyward_session=${planted.cookie}; __Host-keyward_session=${after}`]) {
      const tossed = await call<{ code: string }>('GET', '/v1/keys', { headers: { cookie } });
      expect(tossed.status).toBe(401);
      expect(tossed.headers.getSetCookie().map((c) => c.split(';')[0]).sort()).toEqual(['__Host-keyward_session=', 'keyward_session=']);
    }
    expect((await call('GET', '/v1/keys', { cookie: after })).status).toBe(200);
  });

  it('marks every API answer no-store (a secret, a CSRF token), errors included', async () => {
    const { cookie } = await signIn(stack.rootKey);
    expect((await call('GET', '/v1/session', { cookie })).headers.get('cache-control')).toBe('no-store');
    expect((await call('GET', '/v1/keys', { cookie: 'A'.repeat(43) })).headers.get('cache-control')).toBe('no-store');
    expect((await stack.api('POST', '/v1/keys', { name: 'no-store' })).headers.get('cache-control')).toBe('no-store');
  });

  it('keeps bearer keys working, and a request with both is a bearer request: the cookie is ignored', async () => {
    const { cookie, session } = await signIn(stack.rootKey);
    expect(session.principal).toEqual({ workspaceId: 'default', keyId: null, root: true, permissions: ['*:write'] });
    expect((await stack.api('GET', '/v1/keys')).status).toBe(200);
    const bearer = await stack.api<SessionBody>('GET', '/v1/session');
    expect(bearer.body).toMatchObject({ csrfToken: null, createdAt: null, principal: { root: true } });
    for (const authorization of ['Bearer kw_live_not-a-key', 'Basic abc', '']) {
      expect((await call('GET', '/v1/keys', { cookie, headers: { authorization } })).status).toBe(401);
    }
    // A bearer write needs no CSRF token even when a cookie rides along.
    expect((await call('POST', '/v1/keys', { cookie, body: { name: 'bearer with a cookie' }, headers: { authorization: `Bearer ${stack.rootKey}` } })).status).toBe(201);
  });

  it('signs out on the server: the CSRF token is needed, the cookie is cleared, and the old cookie no longer works', async () => {
    const { cookie, session } = await signIn(stack.rootKey);
    expect((await call('DELETE', '/v1/session', { cookie })).status).toBe(403);
    const out = await call('DELETE', '/v1/session', { cookie, csrf: session.csrfToken ?? '' });
    expect(out.status).toBe(204);
    expect(setCookieOf(out.headers)?.attributes.some((a) => /^expires=Thu, 01 Jan 1970/i.test(a))).toBe(true);
    const after = await call<{ code: string }>('GET', '/v1/keys', { cookie });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
    expect((await call('DELETE', '/v1/session', { cookie })).status).toBe(204);
  });

  it('ends a revoked key’s sessions at their very next request, and deletes them', async () => {
    const admin = await newKey({ name: 'about to be revoked', unrestricted: true });
    const first = await signIn(admin.key);
    const second = await signIn(admin.key);
    expect((await call('GET', '/v1/keys', { cookie: first.cookie })).status).toBe(200);
    expect((await stack.api('POST', `/v1/keys/${admin.id}/revoke`, {})).status).toBe(200);
    const refused = await call<{ code: string }>('GET', '/v1/keys', { cookie: first.cookie });
    expect(refused.status).toBe(401);
    expect(setCookieOf(refused.headers)?.value).toBe('');
    expect(await sql('SELECT 1 FROM console_sessions WHERE key_id = $1', [admin.id])).toEqual([]);
    expect((await call('GET', '/v1/session', { cookie: second.cookie })).status).toBe(401);
  });

  it('ends idle sessions (12 hours by default, plus the tenth its mark may lag) and old ones (7 days), by the database’s clock', async () => {
    const marked = await signIn(stack.rootKey);
    const idle = await signIn(stack.rootKey);
    const old = await signIn(stack.rootKey);
    const fresh = await signIn(stack.rootKey);
    // The store keys sessions by the id's SHA-256, as the test can compute it from the cookie.
    const row = (cookie: string): Buffer => createHash('sha256').update(cookie).digest();
    // last_seen_at is written once per tenth of the idle time: 12 h after the mark, the last request may be 1.2 h younger.
    await sql(`UPDATE console_sessions SET last_seen_at = now() - interval '12 hours 1 second' WHERE id_hash = $1`, [row(marked.cookie)]);
    expect((await call('GET', '/v1/keys', { cookie: marked.cookie })).status).toBe(200);
    await sql(`UPDATE console_sessions SET last_seen_at = now() - interval '13 hours 12 minutes 1 second' WHERE id_hash = $1`, [row(idle.cookie)]);
    await sql(`UPDATE console_sessions SET created_at = now() - interval '7 days 1 second' WHERE id_hash = $1`, [row(old.cookie)]);
    expect((await call('GET', '/v1/keys', { cookie: idle.cookie })).status).toBe(401);
    expect((await call('GET', '/v1/keys', { cookie: old.cookie })).status).toBe(401);
    expect((await call('GET', '/v1/keys', { cookie: fresh.cookie })).status).toBe(200);
  });

  it('refuses a bad key with 401 and stores nothing; a made-up cookie is 401 too', async () => {
    const before = await sessionCount();
    const wrong = await call<{ code: string }>('POST', '/v1/session', { body: { key: 'kw_live_not-a-real-key' } });
    expect(wrong.status).toBe(401);
    expect(setCookieOf(wrong.headers)).toBeUndefined();
    expect((await call('POST', '/v1/session', { body: {} })).status).toBe(400);
    expect((await call('POST', '/v1/session', { body: { key: stack.rootKey, extra: 1 } })).status).toBe(400);
    // A cross-site form cannot sign anyone in: only JSON is read.
    expect((await call('POST', '/v1/session', { body: `key=${stack.rootKey}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBeGreaterThanOrEqual(400);
    expect(await sessionCount()).toBe(before);
    expect((await call('GET', '/v1/keys', { cookie: 'A'.repeat(43) })).status).toBe(401);
    expect((await call('GET', '/v1/keys', { cookie: 'garbage;;' })).status).toBe(401);
  });

  it('never logs a key that signed in, nor a session id', async () => {
    expect(signedInKeys.length).toBeGreaterThan(6);
    expect(leakedSecrets(stack.logs, signedInKeys)).toEqual([]);
  });

  it('slows down an address after 10 failed sign-ins: 429 with Retry-After, even for a good key', async () => {
    // Earlier tests failed some already: fail until refused, which must come by the tenth.
    let failures = 0;
    while ((await call('POST', '/v1/session', { body: { key: `kwroot_wrong_${failures}` } })).status === 401) failures++;
    expect(failures).toBeLessThanOrEqual(10);
    const limited = await call<{ code: string }>('POST', '/v1/session', { body: { key: stack.rootKey } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the console: serving, headers, a TLS proxy in front, and the browser harness', () => {
  let stack: KeywardStack;
  let browser: TestBrowser;
  const consoleDir = mkdtempSync(path.join(os.tmpdir(), 'keyward-console-'));

  beforeAll(async () => {
    // The test plays a TLS proxy on loopback: the gateway believes its X-Forwarded-* headers.
    [stack, browser] = await Promise.all([KeywardStack.start({ env: { KEYWARD_CONSOLE_DIR: consoleDir, KEYWARD_TRUST_PROXY: 'loopback' } }), TestBrowser.launch()]);
  });

  const signInVia = (key: string, forwardedFor: string, proto = 'https'): Promise<Response> =>
    fetch(`${stack.baseUrl}/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': proto, 'x-forwarded-for': forwardedFor, 'x-forwarded-host': 'console.example.com' },
      body: JSON.stringify({ key }),
    });

  it('behind the trusted proxy: the cookie is Secure and __Host-, and failed sign-ins count against the browser’s address, not the proxy’s', async () => {
    const tls = await signInVia(stack.rootKey, '203.0.113.5');
    expect(tls.status).toBe(200);
    const [cookie] = tls.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-keyward_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    // Plain http to a public host name is Secure all the same (KEYWARD_COOKIE_SECURE=auto).
    expect((await signInVia(stack.rootKey, '203.0.113.5', 'http')).headers.getSetCookie()[0]).toMatch(/; Secure;/);
    let failures = 0;
    while ((await signInVia(`kwroot_wrong_${failures}`, '203.0.113.66')).status === 401) failures++;
    expect(failures).toBe(10);
    expect((await signInVia(stack.rootKey, '203.0.113.66')).status).toBe(429);
    expect((await signInVia(stack.rootKey, '198.51.100.7')).status).toBe(200);
  });

  it('gives the API docs a content security policy no page may frame', async () => {
    const docs = await fetch(`${stack.baseUrl}/docs`);
    expect(docs.status).toBe(200);
    const csp = docs.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self';");
  });

  afterAll(async () => {
    await Promise.all([stack?.stop(), browser?.close()]);
    rmSync(consoleDir, { recursive: true, force: true });
  });

  it('answers 503 with a page saying how to build the console while there is none, with the security headers', async () => {
    const response = await fetch(`${stack.baseUrl}/settings/api-access`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('serves the build: index.html for every page path, long cache for hashed assets, the API and docs untouched', async () => {
    writeConsoleBuild(consoleDir);
    for (const page of ['/', '/settings/api-access', '/audit?x=1']) {
      const response = await fetch(`${stack.baseUrl}${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await response.text()).toContain('<h1>Keyward</h1>');
    }
    const asset = await fetch(`${stack.baseUrl}/assets/app-3f2a1b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${stack.baseUrl}/assets/gone-000000.js`)).status).toBe(404);
    expect((await fetch(`${stack.baseUrl}/health`)).headers.get('content-type')).toMatch(/json/);
    expect((await stack.api('GET', '/v1/nothing-here')).status).toBe(404);
    expect((await fetch(`${stack.baseUrl}/docs-json`)).headers.get('content-type')).toMatch(/json/);
  });

  it('in Chromium: the hashed script runs, the inline one is refused by the CSP, axe finds nothing serious, a screenshot is kept', async () => {
    writeConsoleBuild(consoleDir);
    const { page, errors, context } = await browser.page();
    try {
      await page.goto(`${stack.baseUrl}/settings/api-access`);
      await page.getByText('loaded').waitFor();
      expect(await page.textContent('#inline')).toBe('not run');
      expect(errors.join('\n')).toMatch(/Content Security Policy/);
      await expectAccessible(page);
      await screenshot(page, 'harness-smoke');
    } finally {
      await context.close();
    }
  });

  it('in Chromium: scripts cannot read the session cookie (HttpOnly), it rides on same-origin calls, a write needs the CSRF token', async () => {
    writeConsoleBuild(consoleDir);
    const { page, context } = await browser.page();
    try {
      await page.goto(`${stack.baseUrl}/`);
      // A string run in the page (the tests have no DOM types); the key is typed in by the test, as a person pastes it.
      const seen = await page.evaluate<{ signIn: number; cookieVisible: boolean; read: number; writeWithout: number; writeWith: number; afterSignOut: number }>(`(async () => {
        const json = { 'content-type': 'application/json' };
        const signIn = await fetch('/v1/session', { method: 'POST', headers: json, body: JSON.stringify({ key: ${JSON.stringify(stack.rootKey)} }) });
        const { csrfToken } = await signIn.json();
        const read = await fetch('/v1/keys');
        const writeWithout = await fetch('/v1/keys', { method: 'POST', headers: json, body: JSON.stringify({ name: 'from the browser' }) });
        const writeWith = await fetch('/v1/keys', { method: 'POST', headers: { ...json, 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'from the browser' }) });
        await fetch('/v1/session', { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } });
        const afterSignOut = await fetch('/v1/keys');
        return { signIn: signIn.status, cookieVisible: document.cookie.includes('keyward_session'), read: read.status, writeWithout: writeWithout.status, writeWith: writeWith.status, afterSignOut: afterSignOut.status };
      })()`);
      expect(seen).toEqual({ signIn: 200, cookieVisible: false, read: 200, writeWithout: 403, writeWith: 201, afterSignOut: 401 });
    } finally {
      await context.close();
    }
  });
});
