import { requestFingerprint, type FingerprintedRequest } from './request-fingerprint';

const base: FingerprintedRequest = { actor: 'key_1', method: 'POST', url: '/v1/keys', body: { name: 'orders', permissions: { calls: 'read', messages: 'write' } } };

describe('requestFingerprint', () => {
  it('is a SHA-256 in lowercase hex, the same for the same request', () => {
    expect(requestFingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint({ ...base })).toBe(requestFingerprint(base));
  });

  it('ignores the order of fields in the body, at every depth, and the case of the method', () => {
    const reordered = { actor: 'key_1', method: 'post', url: '/v1/keys', body: { permissions: { messages: 'write', calls: 'read' }, name: 'orders' } };
    expect(requestFingerprint(reordered)).toBe(requestFingerprint(base));
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
    expect(requestFingerprint({ ...base, ...change })).not.toBe(requestFingerprint(base));
  });

  it('keeps the parts apart: a value cannot be moved from one part into the next', () => {
    expect(requestFingerprint({ actor: 'a', method: 'POST', url: '/v1/x', body: 'y' })).not.toBe(requestFingerprint({ actor: 'a', method: 'POST', url: '/v1/xy', body: '' }));
  });
});
