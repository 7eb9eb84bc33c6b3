import { randomBytes } from 'node:crypto';
import { gzippedJsBytes, JS_BUDGET_GZIP_BYTES, overBudget } from './bundle-budget';

describe('the console bundle budget', () => {
  it('counts the gzipped JavaScript only', () => {
    const js = 'export const x = 1;\n'.repeat(1_000);
    const counted = gzippedJsBytes([
      { fileName: 'assets/index-abc.js', code: js },
      { fileName: 'assets/index-abc.css', code: 'body{}'.repeat(10_000) },
    ]);
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThan(js.length / 10);
  });

  it('refuses a build over 300 KB gzipped, and not one within', () => {
    // Random base64 compresses to about three quarters: 450 KB of it stays over the budget gzipped.
    const heavy = gzippedJsBytes([{ fileName: 'assets/vendor.js', code: randomBytes(450 * 768).toString('base64') }]);
    expect(heavy).toBeGreaterThan(JS_BUDGET_GZIP_BYTES);
    expect(overBudget(heavy)).toMatch(/over its budget of 300 KB/);
    expect(overBudget(JS_BUDGET_GZIP_BYTES)).toBeUndefined();
  });
});
