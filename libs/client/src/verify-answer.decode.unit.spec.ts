import type { VerifyAnswer } from '@keyward/contracts';
import { decodeVerifyAnswer } from './verify-answer.decode';
import { VerifierUnavailableError } from './verifier-unavailable.error';
import { verifiedKeyOf } from './verified-key';
import { VALID_ANSWER as VALID, VALID_PRINCIPAL } from './testing/verify-answers';

const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

const RESET = '2026-12-02T18:00:10.000Z';
const ISSUE_14_FIELDS = {
  credits: { remaining: 99 },
  ratelimits: [{ name: 'tokens', limit: 50, remaining: 20, reset: RESET, exceeded: false }],
  meta: { plan: 'pro' },
  identity: { id: 'idn_1', externalId: 'customer-1', meta: { tier: 2 } },
} as const;

describe('decodeVerifyAnswer', () => {
  it.each<[string, VerifyAnswer]>([
    ['a VALID answer', VALID],
    ['a denial', { valid: false, code: 'NOT_FOUND' }],
    ['a denial naming the key', { valid: false, code: 'REVOKED', keyId: 'key_1' }],
    ['a rate-limited answer', { valid: false, code: 'RATE_LIMITED', keyId: 'key_1', ratelimit: { limit: 10, remaining: 0, reset: RESET } }],
    ['a VALID answer of a limited key', { ...VALID, ratelimit: { limit: 10, remaining: 9, reset: RESET } }],
    ['a degraded answer', { ...VALID, ratelimit: { limit: 10, remaining: 0, reset: RESET, degraded: true } }],
    ['a VALID answer with credits, named limits, metadata and an identity', { ...VALID, ...ISSUE_14_FIELDS }],
    ['a usage-exceeded answer', { valid: false, code: 'USAGE_EXCEEDED', keyId: 'key_1', credits: { remaining: 2 } }],
    ['a disabled answer', { valid: false, code: 'DISABLED', keyId: 'key_1' }],
    ['a named limit exceeded', { valid: false, code: 'RATE_LIMITED', keyId: 'key_1', ratelimits: [{ name: 'nope', limit: 0, remaining: 0, reset: RESET, exceeded: true }] }],
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
    ['named limits that are not a list', { ...VALID, ratelimits: { name: 'a' } }],
    ['a named limit without its name', { ...VALID, ratelimits: [{ limit: 1, remaining: 0, reset: RESET, exceeded: false }] }],
    ['a named limit without exceeded', { ...VALID, ratelimits: [{ name: 'a', limit: 1, remaining: 0, reset: RESET }] }],
    ['credits that are not a count', { ...VALID, credits: { remaining: -1 } }],
    ['credits that are a number', { ...VALID, credits: 5 }],
    ['metadata that is a list', { ...VALID, meta: [1] }],
    ['an identity without its external id', { ...VALID, identity: { id: 'idn_1', meta: {} } }],
    ['an identity whose metadata is not an object', { ...VALID, identity: { id: 'idn_1', externalId: 'x', meta: 'pro' } }],
  ])('refuses %s as no usable answer', (_, reply) => {
    expect(() => decodeVerifyAnswer(bytes(reply))).toThrow(VerifierUnavailableError);
  });
});

describe('verifiedKeyOf', () => {
  it('is the principal of a VALID answer', () => {
    expect(verifiedKeyOf(VALID)).toEqual(VALID_PRINCIPAL);
  });

  it('carries credits, named limits, metadata and the identity when the answer has them, and only then', () => {
    expect(verifiedKeyOf({ ...VALID, ...ISSUE_14_FIELDS })).toEqual({ ...VALID_PRINCIPAL, ...ISSUE_14_FIELDS });
    expect(Object.keys(verifiedKeyOf(VALID) ?? {})).not.toEqual(expect.arrayContaining(['credits']));
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
