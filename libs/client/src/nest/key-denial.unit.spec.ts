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
  const named = (name: string, ms: number, exceeded: boolean, limit = 10) => ({ name, limit, remaining: 0, reset: iso(ms), exceeded });
  it.each<[string, Parameters<typeof retryAfterSeconds>[0], number | undefined]>([
    ['no rate-limit state', {}, undefined],
    ['a reset 30 s ahead', { ratelimit: { limit: 10, remaining: 0, reset: iso(now + 30_000) } }, 30],
    ['a reset 1.2 s ahead (rounded up)', { ratelimit: { limit: 10, remaining: 0, reset: iso(now + 1_200) } }, 2],
    ['a reset already past', { ratelimit: { limit: 10, remaining: 0, reset: iso(now - 5_000) } }, 0],
    ['a reset that is not a time', { ratelimit: { limit: 10, remaining: 0, reset: 'soon' } }, undefined],
    [
      'a named limit refused: its window, not the key’s own',
      { ratelimit: { limit: 10, remaining: 5, reset: iso(now + 5_000) }, ratelimits: [named('requests', now + 1_000, false), named('tokens', now + 60_000, true)] },
      60,
    ],
    ['two named limits refused: the later window', { ratelimits: [named('a', now + 10_000, true), named('b', now + 20_000, true)] }, 20],
    ['only a limit the key does not have: no wait helps', { ratelimits: [named('nope', now, true, 0)] }, undefined],
  ])('%s → %s', (_, answer, expected) => {
    expect(retryAfterSeconds(answer, now)).toBe(expected);
  });
});
