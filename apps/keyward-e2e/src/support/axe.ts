import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core's browser build. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** What the helper reports of one violation: enough to find and fix it. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/** The impacts that fail a page (issue 12: "no serious violations"); minor and moderate are reported, not fatal. */
const FATAL = new Set(['serious', 'critical']);

/** Runs axe-core on the page as it is now, answering every violation. */
export const axeViolations = async (page: Page): Promise<AxeViolation[]> => {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern; a <script> tag would be refused.
  await page.evaluate(AXE_SOURCE);
  // A string, run in the page: the tests' TypeScript has no DOM types, and only axe's summary crosses back.
  return page.evaluate<AxeViolation[]>(
    "axe.run(document).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))",
  );
};

/** Fails, naming each, on serious or critical accessibility violations of the page as it is now. */
export const expectAccessible = async (page: Page): Promise<void> => {
  const fatal = (await axeViolations(page)).filter((v) => v.impact !== null && FATAL.has(v.impact));
  expect(fatal).toEqual([]);
};
