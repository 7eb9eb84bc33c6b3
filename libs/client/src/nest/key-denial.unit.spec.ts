import { VerifyCodes } from '@keyward/contracts';
import { DENIALS, KeyDeniedException, retryAfterSeconds, type DenialCode } from './key-denial';

describe('KeyDeniedException', () => {
  it.each<[DenialCode, number]>([
    ['UNAUTHENTICATED', 401],
    ['MALFORMED', 401],
    ['NOT_FOUND', 401],
    ['EXPIRED', 401],
    ['REVOKED', 401],
    ['DISABLED', 401],
    ['INSUFFICIENT_PERMISSIONS', 403],
    ['FORBIDDEN', 403],
    ['PLAN_UPGRADE_REQUIRED', 402],
    ['RATE_LIMITED', 429],
    ['USAGE_EXCEEDED', 429],
    ['UNAVAILABLE', 503],
  ])('answers %s with %i and the body { statusCode, code, message }', (code, status) => {
    const denied = new KeyDeniedException(code);
    expect(denied.getStatus()).toBe(status);
    expect(denied.body).toEqual({ statusCode: status, code, message: expect.any(String) });
    expect(Object.keys(denied.body)).toEqual(['statusCode', 'code', 'message']);
  });

  it('has an answer for every verify code but VALID', () => {
    expect(Object.keys(DENIALS).sort()).toEqual([...VerifyCodes.filter((c) => c !== 'VALID'), 'UNAUTHENTICATED'].sort());
  });

  it('takes a message of its own', () => {
    expect(new KeyDeniedException('UNAUTHENTICATED', 'send one key').body.message).toBe('send one key');
  });
});

describe('retryAfterSeconds', () => {
  const now = 1_700_000_000_000;
  const iso = (ms: number): string => new Date(ms).toISOString();
  it.each<[string, Parameters<typeof retryAfterSeconds>[0], number | undefined]>([
    ['no rate-limit state', undefined, undefined],
    ['a reset 30 s ahead', { limit: 10, remaining: 0, reset: iso(now + 30_000) }, 30],
    ['a reset 1.2 s ahead (rounded up)', { limit: 10, remaining: 0, reset: iso(now + 1_200) }, 2],
    ['a reset already past', { limit: 10, remaining: 0, reset: iso(now - 5_000) }, 0],
    ['a reset that is not a time', { limit: 10, remaining: 0, reset: 'soon' }, undefined],
  ])('%s → %s', (_, ratelimit, expected) => {
    expect(retryAfterSeconds(ratelimit, now)).toBe(expected);
  });
});
