import { DEFAULT_STALE_AFTER_MS, loadVerifierConfig } from './verifier-config';

describe('loadVerifierConfig', () => {
  it('defaults to 2 s when unset or empty', () => {
    expect(loadVerifierConfig({})).toEqual({ staleAfterMs: DEFAULT_STALE_AFTER_MS });
    expect(loadVerifierConfig({ KEYWARD_VERIFIER_STALE_MS: '' })).toEqual({ staleAfterMs: 2_000 });
  });

  it('reads a whole number of milliseconds', () => {
    expect(loadVerifierConfig({ KEYWARD_VERIFIER_STALE_MS: '500' })).toEqual({ staleAfterMs: 500 });
    expect(loadVerifierConfig({ KEYWARD_VERIFIER_STALE_MS: '86400000' })).toEqual({ staleAfterMs: 86_400_000 });
  });

  it.each(['soon', '0', '-5', '1.5', '2e3', ' 200', '86400001', '999999999999'])('refuses %j, naming the variable and what it must be', (value) => {
    expect(() => loadVerifierConfig({ KEYWARD_VERIFIER_STALE_MS: value })).toThrow(/^KEYWARD_VERIFIER_STALE_MS must be a whole number of milliseconds from 1 to 86400000/);
  });
});
