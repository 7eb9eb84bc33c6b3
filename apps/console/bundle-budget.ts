import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** product.md section 11's ceiling for the console's JavaScript, gzipped (the bench reports the figure; this enforces it). */
export const JS_BUDGET_GZIP_BYTES = 300 * 1024;

/** The JavaScript a browser may load from the build, gzipped at the level a server would use, in bytes. */
export const gzippedJsBytes = (files: readonly { fileName: string; code: string | Uint8Array }[]): number =>
  files.filter((file) => file.fileName.endsWith('.js')).reduce((sum, file) => sum + gzipSync(file.code, { level: 9 }).length, 0);

/** The build's refusal when its JavaScript outgrows the budget; undefined within it. */
export const overBudget = (gzipped: number, budget = JS_BUDGET_GZIP_BYTES): string | undefined =>
  gzipped > budget ? `the console's JavaScript is ${(gzipped / 1024).toFixed(1)} KB gzipped, over its budget of ${(budget / 1024).toFixed(0)} KB` : undefined;

/** Fails `vite build` (so `npm run build`) when the bundle is over budget. */
export const bundleBudget = (): Plugin => ({
  name: 'keyward-bundle-budget',
  apply: 'build',
  generateBundle(_options, bundle) {
    const files = Object.values(bundle).map((item) => ({ fileName: item.fileName, code: item.type === 'chunk' ? item.code : item.source }));
    const refusal = overBudget(gzippedJsBytes(files));
    if (refusal) this.error(refusal);
  },
});
