import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { infra, sql, withDatabase } from './bench-database';
import { ROOT, sleep } from './bench-env';
import { stopChild } from './child-process';
import { percentile } from './load';

/**
 * `npm run bench:console`: the console's JS bundle gzipped, its first load in Chromium (navigation
 * to an interactive sign-in page, a fresh profile each time), and the key table over 10,000 keys:
 * the first page rendered, a search, and "Next page" twenty times. One gateway against the build in
 * apps/console/dist; the rows go straight into the key table as in bench:reads.
 */
const KEYS = 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const NEXT_PAGES = 20;
const PAGE_SIZE = 50;
const PORT = Number(process.env.BENCH_GATEWAY_PORT ?? 3148);
const BASE = `http://127.0.0.1:${PORT}`;
const DIST = path.join(ROOT, 'apps/console/dist');

/** Debian's chromium, installed on demand by the script the e2e harness uses. */
const { ensureChromium } = require(path.join(ROOT, 'infra/scripts/lib/chromium.js')) as { ensureChromium: () => string };
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const bundleSizes = (): { js: number; jsGzip: number; cssGzip: number } => {
  const assets = path.join(DIST, 'assets');
  const files = readdirSync(assets).map((f) => ({ name: f, bytes: readFileSync(path.join(assets, f)) }));
  const sum = (ext: string, gzip: boolean): number => files.filter((f) => f.name.endsWith(ext)).reduce((n, f) => n + (gzip ? gzipSync(f.bytes, { level: 9 }).length : f.bytes.length), 0);
  return { js: sum('.js', false), jsGzip: sum('.js', true), cssGzip: sum('.css', true) };
};

const seed = (databaseUrl: string): Promise<void> =>
  sql(
    databaseUrl,
    `INSERT INTO keys (id, workspace_id, name, prefix, masked_key, environment, created_at, expires_at, lifecycle, restricted, roles, permissions, shares)
     SELECT 'key_' || lpad(g::text, 24, '0'), 'default', 'bench key ' || g, 'kw_live_abcd', 'kw_live_abcd…wxyz',
            CASE WHEN g % 10 = 0 THEN 'test' ELSE 'live' END, timestamptz '2026-01-01' + g * interval '1 second',
            CASE WHEN g % 20 = 1 THEN timestamptz '2027-01-01' END, CASE WHEN g % 50 = 0 THEN 'revoked' ELSE 'active' END, false, '[]', '{}', '[]'
     FROM generate_series(1, ${KEYS}) g;
     ANALYZE keys`,
  );

const untilAnswering = async (child: ChildProcess): Promise<void> => {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with ${child.exitCode}`);
    if (await fetch(`${BASE}/health`).then((r) => r.status < 500, () => false)) return;
    await sleep(100);
  }
  throw new Error('the gateway did not answer within 60 s');
};

const timed = async (action: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await action();
  return performance.now() - t0;
};

/** The page's document as far as the waits below read it (the bench compiles without the DOM's types). */
interface Rows {
  document: { querySelectorAll(selector: string): { length: number; [i: number]: { textContent: string | null } } };
}

/**
 * Waits, checking each frame, until the table has `n` rows (and the first is `first`, when given).
 * A function, not a string: the console's CSP refuses `eval`, which Playwright uses for strings.
 */
const rows = (page: Page, n: number, first?: string) =>
  page.waitForFunction(
    ([count, name]) => {
      const found = (globalThis as unknown as Rows).document.querySelectorAll('tbody tr th');
      return found.length === count && (name === undefined || found[0].textContent === name);
    },
    [n, first] as const,
    { polling: 'raf' },
  );

const firstLoads = async (browser: Browser): Promise<number[]> => {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    times.push(await timed(async () => {
      await page.goto(`${BASE}/settings/api-access`);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    }));
    await context.close();
  }
  return times;
};

const table = async (browser: Browser, rootKey: string): Promise<{ render: number[]; search: number[]; nextPage: number[]; domRows: number }> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/sign-in`);
  await page.getByRole('textbox', { name: 'API key' }).fill(rootKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await rows(page, PAGE_SIZE);
  const render: number[] = [];
  const search: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    render.push(await timed(async () => {
      await page.reload();
      await rows(page, PAGE_SIZE);
    }));
    const box = page.getByRole('searchbox', { name: 'Search keys' });
    search.push(await timed(async () => {
      await box.fill(`bench key ${KEYS - i}`);
      await rows(page, 1, `bench key ${KEYS - i}`);
    }));
    await box.fill('');
    await rows(page, PAGE_SIZE);
  }
  const nextPage: number[] = [];
  for (let i = 1; i <= NEXT_PAGES; i++) {
    nextPage.push(await timed(async () => {
      await page.getByRole('button', { name: 'Next page' }).click();
      // Newest first: page i starts at the key seeded i pages before the last.
      await rows(page, PAGE_SIZE, `bench key ${KEYS - PAGE_SIZE * i}`);
    }));
  }
  const domRows = await page.locator('tbody tr').count();
  await context.close();
  return { render, search, nextPage, domRows };
};

const stats = (times: readonly number[]): string => {
  const sorted = Float64Array.from(times).sort();
  return `p50 ${percentile(sorted, 0.5).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms (${times.length} runs)`;
};

const main = async (): Promise<void> => {
  const sizes = bundleSizes();
  const { databaseUrl, natsUrl } = infra();
  const rootKey = `kwroot_${randomBytes(32).toString('base64url')}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'keyward-bench-console-'));
  const database = `keyward_bench_console_${Date.now()}`;
  await sql(databaseUrl, `CREATE DATABASE ${database}`);
  const url = withDatabase(databaseUrl, database);
  // The root key signs in at the gateway itself: no verifier is needed for what is measured.
  const env = { ...process.env, DATABASE_URL: url, NATS_URL: natsUrl, KEYWARD_ROOT_KEY: rootKey, KEYWARD_PEPPER: randomBytes(32).toString('base64url'), KEYWARD_DATA_DIR: dataDir, GATEWAY_PORT: String(PORT) };
  const gateway = spawn(process.execPath, [path.join(ROOT, 'apps/gateway/dist/main.js')], { env, stdio: 'ignore' });
  let browser: Browser | undefined;
  try {
    await untilAnswering(gateway);
    await seed(url);
    browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: FLAGS });
    const loads = await firstLoads(browser);
    const keys = await table(browser, rootKey);
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, ${browser.version()}`);
    console.log(`bundle: JS ${(sizes.js / 1024).toFixed(1)} KB, ${(sizes.jsGzip / 1024).toFixed(1)} KB gzipped; CSS ${(sizes.cssGzip / 1024).toFixed(1)} KB gzipped`);
    console.log(`first load (navigation to an interactive sign-in page, fresh profile): ${stats(loads)}`);
    console.log(`key table, ${KEYS} keys, first page of ${PAGE_SIZE} rendered (reload): ${stats(keys.render)}`);
    console.log(`search to one row (250 ms debounce included): ${stats(keys.search)}`);
    console.log(`"Next page" to page ${NEXT_PAGES + 1} (${keys.domRows} rows in the DOM): ${stats(keys.nextPage)}`);
  } finally {
    await browser?.close();
    await stopChild(gateway);
    await sql(databaseUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
