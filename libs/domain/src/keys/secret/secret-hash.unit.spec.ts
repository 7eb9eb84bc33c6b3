import { createHmac } from 'node:crypto';
import { hashKeySecret, keySecretDigest } from './secret-hash';

const SECRET = 'kw_live_000000000000000000000000000000003lNZlx';
const PEPPER = Buffer.alloc(32, 1);

describe('hashKeySecret', () => {
  it('is lowercase hex HMAC-SHA256 under the pepper', () => {
    const hash = hashKeySecret(PEPPER, SECRET);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHmac('sha256', PEPPER).update(SECRET).digest('hex'));
    expect(keySecretDigest(PEPPER, SECRET).toString('hex')).toBe(hash);
  });

  it('is deterministic per pepper and differs by pepper and by secret', () => {
    const hash = hashKeySecret(PEPPER, SECRET);
    expect(hashKeySecret(Buffer.alloc(32, 1), SECRET)).toBe(hash);
    expect(hashKeySecret(Buffer.alloc(32, 2), SECRET)).not.toBe(hash);
    expect(hashKeySecret(PEPPER, SECRET.replace('kw_live_', 'kw_test_'))).not.toBe(hash);
  });
});
