import { DEFAULT_RATE_LIMIT_TIMEOUT_MS, DEFAULT_STALE_AFTER_MS, loadVerifierConfig } from './verifier-config';

describe('loadVerifierConfig', () => {
  it('defaults to 2 s stale and 250 ms for the rate-limit count when unset or empty', () => {
    const defaults = { staleAfterMs: DEFAULT_STALE_AFTER_MS, rateLimitTimeoutMs: DEFAULT_RATE_LIMIT_TIMEOUT_MS };
    expect(loadVerifierConfig({})).toEqual(defaults);
    expect(loadVerifierConfig({ KEYWARD_VERIFIER_STALE_MS: '', KEYWARD_RATE_LIMIT_TIMEOUT_MS: '' })).toEqual({ staleAfterMs: 2_000, rateLimitTimeoutMs: 250 });
  });

  it('reads a whole number of milliseconds', () => {
    expect(loadVerifierConfig({ KEYWARD_VERIFIER_STALE_MS: '500' }).staleAfterMs).toBe(500);
    expect(loadVerifierConfig({ KEYWARD_VERIFIER_STALE_MS: '86400000' }).staleAfterMs).toBe(86_400_000);
    expect(loadVerifierConfig({ KEYWARD_RATE_LIMIT_TIMEOUT_MS: '10000' }).rateLimitTimeoutMs).toBe(10_000);
  });

  it.each(['soon', '0', '-5', '1.5', '2e3', ' 200', '86400001', '999999999999'])('refuses %j, naming the variable and what it must be', (value) => {
    expect(() => loadVerifierConfig({ KEYWARD_VERIFIER_STALE_MS: value })).toThrow(/^KEYWARD_VERIFIER_STALE_MS must be a whole number of milliseconds from 1 to 86400000/);
  });

  it.each(['later', '0', '10001'])('refuses a rate-limit timeout of %j', (value) => {
    expect(() => loadVerifierConfig({ KEYWARD_RATE_LIMIT_TIMEOUT_MS: value })).toThrow(/^KEYWARD_RATE_LIMIT_TIMEOUT_MS must be a whole number of milliseconds from 1 to 10000 \(default 250\)/);
  });
});
