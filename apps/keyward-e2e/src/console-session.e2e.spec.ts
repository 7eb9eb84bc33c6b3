import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectAccessible } from './support/axe';
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

describe('the console: serving, headers and the browser harness', () => {
  let stack: KeywardStack;
  let browser: TestBrowser;
  const consoleDir = mkdtempSync(path.join(os.tmpdir(), 'keyward-console-'));

  beforeAll(async () => {
    [stack, browser] = await Promise.all([KeywardStack.start({ env: { KEYWARD_CONSOLE_DIR: consoleDir } }), TestBrowser.launch()]);
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
});
