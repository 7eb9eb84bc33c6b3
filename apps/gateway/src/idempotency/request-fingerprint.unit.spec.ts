import { requestFingerprint, type FingerprintedRequest } from './request-fingerprint';

const base: FingerprintedRequest = { actor: 'key_1', method: 'POST', url: '/v1/keys', body: { name: 'orders', permissions: { calls: 'read', messages: 'write' } } };

const KEY = Buffer.alloc(32, 7);

describe('requestFingerprint', () => {
  it('is keyed: without the key, a guess of the body cannot be checked against it', () => {
    expect(requestFingerprint(base, Buffer.alloc(32, 8))).not.toBe(requestFingerprint(base, KEY));
  });

  it('is an HMAC-SHA256 in lowercase hex, the same for the same request', () => {
    expect(requestFingerprint(base, KEY)).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint({ ...base }, KEY)).toBe(requestFingerprint(base, KEY));
  });

  it('ignores the order of fields in the body, at every depth, and the case of the method', () => {
    const reordered = { actor: 'key_1', method: 'post', url: '/v1/keys', body: { permissions: { messages: 'write', calls: 'read' }, name: 'orders' } };
    expect(requestFingerprint(reordered, KEY)).toBe(requestFingerprint(base, KEY));
  });

  it.each<[string, Partial<FingerprintedRequest>]>([
    ['another caller', { actor: 'key_2' }],
    ['another method', { method: 'PUT' }],
    ['another route', { url: '/v1/roles' }],
    ['another query', { url: '/v1/keys?x=1' }],
    ['another value in the body', { body: { name: 'orders', permissions: { calls: 'write', messages: 'write' } } }],
    ['a field more', { body: { ...(base.body as object), expiresAt: null } }],
    ['no body', { body: undefined }],
    ['an array where there was an object', { body: [base.body] }],
  ])('differs for %s', (_what, change) => {
    expect(requestFingerprint({ ...base, ...change }, KEY)).not.toBe(requestFingerprint(base, KEY));
  });

  it('keeps the parts apart: a value cannot be moved from one part into the next', () => {
    expect(requestFingerprint({ actor: 'a', method: 'POST', url: '/v1/x', body: 'y' }, KEY)).not.toBe(requestFingerprint({ actor: 'a', method: 'POST', url: '/v1/xy', body: '' }, KEY));
  });
});
