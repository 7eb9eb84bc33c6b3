import type { VerifyAnswer } from '@keyward/contracts';
import { decodeVerifyAnswer } from './verify-answer.decode';
import { VerifierUnavailableError } from './verifier-unavailable.error';
import { verifiedKeyOf } from './verified-key';
import { VALID_ANSWER as VALID, VALID_PRINCIPAL } from './testing/verify-answers';

const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

const RESET = '2026-12-02T18:00:10.000Z';

describe('decodeVerifyAnswer', () => {
  it.each<[string, VerifyAnswer]>([
    ['a VALID answer', VALID],
    ['a denial', { valid: false, code: 'NOT_FOUND' }],
    ['a denial naming the key', { valid: false, code: 'REVOKED', keyId: 'key_1' }],
    ['a rate-limited answer', { valid: false, code: 'RATE_LIMITED', keyId: 'key_1', ratelimit: { limit: 10, remaining: 0, reset: RESET } }],
    ['a VALID answer of a limited key', { ...VALID, ratelimit: { limit: 10, remaining: 9, reset: RESET } }],
    ['a degraded answer', { ...VALID, ratelimit: { limit: 10, remaining: 0, reset: RESET, degraded: true } }],
  ])('takes %s', (_, answer) => {
    expect(decodeVerifyAnswer(bytes(answer))).toEqual(answer);
  });

  it.each<[string, unknown]>([
    ['bad JSON', '{"valid":'],
    ['not an object', '"VALID"'],
    ['null', 'null'],
    ['an unknown code', { valid: false, code: 'NOPE' }],
    ['valid without VALID', { valid: true, code: 'NOT_FOUND' }],
    ['VALID but not valid', { ...VALID, valid: false }],
    ['VALID without a key id', { ...VALID, keyId: undefined }],
    ['VALID with an unknown environment', { ...VALID, environment: 'staging' }],
    ['VALID with permissions that are not strings', { ...VALID, permissions: [1] }],
    ['a rate limit with a reset that is not a time', { ...VALID, ratelimit: { limit: 10, remaining: 9, reset: 'soon' } }],
    ['a rate limit with a reset in epoch milliseconds', { ...VALID, ratelimit: { limit: 10, remaining: 9, reset: 1_700_000_000_000 } }],
    ['a rate limit with a negative remaining', { ...VALID, ratelimit: { limit: 10, remaining: -1, reset: RESET } }],
    ['a rate limit degraded other than true', { ...VALID, ratelimit: { limit: 10, remaining: 0, reset: RESET, degraded: false } }],
    ['a rate limit that is not an object', { ...VALID, ratelimit: 10 }],
  ])('refuses %s as no usable answer', (_, reply) => {
    expect(() => decodeVerifyAnswer(bytes(reply))).toThrow(VerifierUnavailableError);
  });
});

describe('verifiedKeyOf', () => {
  it('is the principal of a VALID answer', () => {
    expect(verifiedKeyOf(VALID)).toEqual(VALID_PRINCIPAL);
  });

  it("carries a limited key's rate limit", () => {
    const ratelimit = { limit: 10, remaining: 9, reset: RESET };
    expect(verifiedKeyOf({ ...VALID, ratelimit })).toEqual({ ...VALID_PRINCIPAL, ratelimit });
    expect(verifiedKeyOf(VALID)).not.toHaveProperty('ratelimit');
  });

  it('reads a missing expiry as "never"', () => {
    expect(verifiedKeyOf({ ...VALID, expiresAt: undefined })?.expiresAt).toBeNull();
  });

  it('is nothing for a denial, even one that describes the key', () => {
    expect(verifiedKeyOf({ ...VALID, valid: false, code: 'INSUFFICIENT_PERMISSIONS' })).toBeUndefined();
  });
});
