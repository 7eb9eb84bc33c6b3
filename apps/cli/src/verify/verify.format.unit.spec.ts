import { VerifyCodes, type VerifyAnswer } from '@keyward/contracts';
import { ExitCodes } from '../exit-codes';
import { answerFields, verifyExitCode } from './verify.format';

describe('verify output', () => {
  it('exits 0 only for VALID, 4 for UNAVAILABLE, 3 for every denial', () => {
    for (const code of VerifyCodes) {
      const expected = code === 'VALID' ? ExitCodes.ok : code === 'UNAVAILABLE' ? ExitCodes.unavailable : ExitCodes.negative;
      expect(verifyExitCode({ valid: code === 'VALID', code })).toBe(expected);
    }
  });

  it('shows the answer a field a line, missing fields as -', () => {
    const answer: VerifyAnswer = { valid: true, code: 'VALID', keyId: 'k1', roles: ['read-only'], permissions: [], ratelimit: { limit: 10, remaining: 9, reset: '2026-01-01T00:00:00.000Z' } };
    const text = answerFields(answer);
    expect(text).toMatch(/valid\s*│\s*yes/);
    expect(text).toMatch(/roles\s*│\s*read-only/);
    expect(text).toMatch(/expires\s*│\s*-/);
    expect(text).toContain('9/10 left until 2026-01-01T00:00:00.000Z');
  });
});
