import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../../../..');
/** Screenshots are test artifacts, kept for a person to look at, never committed (.data is ignored). */
export const ARTIFACTS = path.join(ROOT, '.data', 'artifacts', 'console');

/** The plain-JS installer `npm test`'s infrastructure scripts share (as nats.js installs nats-server). */
const { ensureChromium } = createRequire(__filename)(path.join(ROOT, 'infra/scripts/lib/chromium.js')) as { ensureChromium: () => string };

/**
 * Without the background-networking flags Chromium's own connections (updates, sync, field
 * trials) are refused by the closed network and spam the log; `--no-sandbox` because the tests
 * run as root in a container.
 */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A page and everything it said: console errors and uncaught exceptions fail most tests. */
export interface WatchedPage {
  readonly page: Page;
  /** Console messages of type error and uncaught page errors, in order (CSP violations land here). */
  readonly errors: string[];
}

/**
 * Debian's Chromium (installed on demand), driven by playwright-core through `executablePath`:
 * browser downloads are impossible here. Each launch gets a fresh profile folder (playwright-core
 * makes one per launch and removes it on close; it refuses a `--user-data-dir` of ours).
 */
export class TestBrowser {
  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<TestBrowser> {
    const executablePath = ensureChromium();
    return new TestBrowser(await chromium.launch({ executablePath, headless: true, args: FLAGS }));
  }

  /** A fresh context (its own cookies and storage) and a page in it whose errors are recorded. */
  async page(options: { viewport?: { width: number; height: number } } = {}): Promise<WatchedPage & { context: BrowserContext }> {
    const context = await this.browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      // A failed load says which resource only in its location.
      if (message.type() === 'error') errors.push(message.location().url ? `${message.text()} (${message.location().url})` : message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors, context };
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Saves a full-page screenshot as `<ARTIFACTS>/<name>.png` and answers its path. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};
