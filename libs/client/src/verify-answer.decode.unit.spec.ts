import type { VerifyAnswer } from '@keyward/contracts';
import { decodeVerifyAnswer } from './verify-answer.decode';
import { VerifierUnavailableError } from './verifier-unavailable.error';
import { verifiedKeyOf } from './verified-key';
import { VALID_ANSWER as VALID, VALID_PRINCIPAL } from './testing/verify-answers';

const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

describe('decodeVerifyAnswer', () => {
  it.each<[string, VerifyAnswer]>([
    ['a VALID answer', VALID],
    ['a denial', { valid: false, code: 'NOT_FOUND' }],
    ['a denial naming the key', { valid: false, code: 'REVOKED', keyId: 'key_1' }],
    ['a rate-limited answer', { valid: false, code: 'RATE_LIMITED', ratelimit: { limit: 10, remaining: 0, reset: 1 } }],
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
  ])('refuses %s as no usable answer', (_, reply) => {
    expect(() => decodeVerifyAnswer(bytes(reply))).toThrow(VerifierUnavailableError);
  });
});

describe('verifiedKeyOf', () => {
  it('is the principal of a VALID answer', () => {
    expect(verifiedKeyOf(VALID)).toEqual(VALID_PRINCIPAL);
  });

  it('reads a missing expiry as "never"', () => {
    expect(verifiedKeyOf({ ...VALID, expiresAt: undefined })?.expiresAt).toBeNull();
  });

  it('is nothing for a denial, even one that describes the key', () => {
    expect(verifiedKeyOf({ ...VALID, valid: false, code: 'INSUFFICIENT_PERMISSIONS' })).toBeUndefined();
  });
});
