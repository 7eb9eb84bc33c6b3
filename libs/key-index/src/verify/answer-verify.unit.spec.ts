import type { KeyCreatedData, VerifyAnswer } from '@keyward/contracts';
import { generateKeySecret, storedSecretOf } from '@keyward/domain';
import { KeyIndex } from '../key-index/key-index';
import { answeredAtOnce, grantingLimiter, keyCreated, memoryCredits, recorded, TEST_NOW as NOW, TEST_PEPPER as pepper } from '../testing/verifier-events';
import { answerVerify } from './answer-verify';
import { DescribedAnswers } from './described-answers';

const setup = (over: Partial<KeyCreatedData> = {}) => {
  const index = new KeyIndex();
  const { secret, keyId, event } = keyCreated(over);
  index.apply(event);
  let serving = true;
  const limiter = grantingLimiter();
  const context = { index, pepper, serving: () => serving, described: new DescribedAnswers(), limiter, credits: memoryCredits() };
  const ask = (request: unknown, now = NOW): VerifyAnswer => answeredAtOnce(answerVerify(Buffer.from(typeof request === 'string' ? request : JSON.stringify(request)), context, now));
  return { index, secret, keyId, ask, limiter, stopServing: () => (serving = false) };
};

describe('answerVerify', () => {
  it('answers VALID with who the key is and what it holds', () => {
    const { secret, keyId, ask } = setup();
    expect(ask({ key: secret })).toEqual({
      valid: true,
      code: 'VALID',
      keyId,
      workspaceId: 'default',
      name: 'k',
      environment: 'live',
      expiresAt: null,
      roles: [],
      permissions: ['*:write'],
    });
  });

  it.each([['not json', '{"key":'], ['an array', [1]], ['null', 'null'], ['no key', {}], ['a number key', { key: 7 }]])(
    'answers MALFORMED for %s',
    (_, request) => {
      const { ask } = setup();
      expect(ask(request)).toEqual({ valid: false, code: 'MALFORMED' });
    },
  );

  it('answers MALFORMED for a bad checksum before any lookup, NOT_FOUND for an unknown key', () => {
    const { secret, ask } = setup();
    expect(ask({ key: `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}` })).toEqual({ valid: false, code: 'MALFORMED' });
    expect(ask({ key: generateKeySecret('live') })).toEqual({ valid: false, code: 'NOT_FOUND' });
  });

  it('answers UNAVAILABLE when not serving, for well-formed keys', () => {
    const { secret, ask, stopServing } = setup();
    stopServing();
    expect(ask({ key: secret })).toEqual({ valid: false, code: 'UNAVAILABLE' });
  });

  it('answers EXPIRED past the expiry, REVOKED once revoked', () => {
    const { secret, keyId, ask, index } = setup({ expiresAt: '2026-11-23T11:00:00.000Z' });
    expect(ask({ key: secret }, Date.parse('2026-11-23T11:00:00.000Z'))).toEqual({ valid: false, code: 'EXPIRED', keyId });
    index.apply(recorded({ type: 'KeyRevoked', data: { keyId, revokedAt: '2026-11-23T10:00:00.000Z' } }));
    expect(ask({ key: secret })).toEqual({ valid: false, code: 'REVOKED', keyId });
  });

  it('keeps the old secret valid through the grace period only', () => {
    const { secret, keyId, ask, index } = setup();
    const next = generateKeySecret('live');
    index.apply(recorded({ type: 'KeyRotated', data: { keyId, ...storedSecretOf(pepper, next), rotatedAt: '2026-11-23T10:00:00.000Z', previousKeyExpiresAt: '2026-11-23T10:05:00.000Z' } }));
    expect(ask({ key: secret }).code).toBe('VALID');
    expect(ask({ key: next }).code).toBe('VALID');
    expect(ask({ key: secret }, Date.parse('2026-11-23T10:05:00.000Z')).code).toBe('EXPIRED');
    expect(ask({ key: next }, Date.parse('2026-11-23T10:05:00.000Z')).code).toBe('VALID');
  });

  describe('a key with a rate limit', () => {
    const reset = new Date(NOW + 10_000).toISOString();

    it('answers VALID with limit, remaining and reset, then RATE_LIMITED naming only the key', () => {
      const { secret, keyId, ask } = setup({ ratelimit: { limit: 2, windowSeconds: 10 } });
      expect(ask({ key: secret })).toMatchObject({ valid: true, code: 'VALID', keyId, ratelimit: { limit: 2, remaining: 1, reset } });
      expect(ask({ key: secret })).toMatchObject({ code: 'VALID', ratelimit: { limit: 2, remaining: 0, reset } });
      expect(ask({ key: secret })).toEqual({ valid: false, code: 'RATE_LIMITED', keyId, ratelimit: { limit: 2, remaining: 0, reset } });
    });

    it('spends nothing on a denied call: the limiter is asked only for calls that would be VALID', () => {
      const { secret, ask, limiter, index, keyId } = setup({ ratelimit: { limit: 2, windowSeconds: 10 }, permissions: { calls: 'read' }, unrestricted: false });
      expect(ask({ key: secret, require: 'calls:write' }).code).toBe('INSUFFICIENT_PERMISSIONS');
      index.apply(recorded({ type: 'KeyRevoked', data: { keyId, revokedAt: '2026-11-23T10:00:00.000Z' } }));
      expect(ask({ key: secret }).code).toBe('REVOKED');
      expect(limiter.calls).toEqual([]);
    });

    it('asks no limiter for a key without a limit, and answers the same object each time', () => {
      const { secret, ask, limiter } = setup();
      expect(ask({ key: secret })).toBe(ask({ key: secret }));
      expect(limiter.calls).toEqual([]);
    });

    it('answers after the shared count when the limiter has to ask it', async () => {
      const index = new KeyIndex();
      const { secret, event } = keyCreated({ ratelimit: { limit: 5, windowSeconds: 10 } });
      index.apply(event);
      const limiter = { take: () => Promise.resolve({ granted: true, limit: 5, remaining: 4, resetMs: NOW + 10_000, degraded: true }) };
      const context = { index, pepper, serving: () => true, described: new DescribedAnswers(), limiter, credits: memoryCredits() };
      const answer = answerVerify(Buffer.from(JSON.stringify({ key: secret })), context, NOW);
      expect(answer).toBeInstanceOf(Promise);
      await expect(answer).resolves.toMatchObject({ code: 'VALID', ratelimit: { limit: 5, remaining: 4, reset, degraded: true } });
    });
  });
});
