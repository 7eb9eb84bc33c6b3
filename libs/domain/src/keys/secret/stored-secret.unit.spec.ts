import { generateKeySecret } from './key-secret';
import { hashKeySecret } from './secret-hash';
import { storedSecretOf } from './stored-secret';

describe('storedSecretOf', () => {
  it('keeps the keyed hash, the 12-character prefix and the last four, never the secret', () => {
    const pepper = Buffer.alloc(32, 7);
    const secret = generateKeySecret('test');
    const stored = storedSecretOf(pepper, secret);
    expect(stored).toEqual({ secretHash: hashKeySecret(pepper, secret), prefix: secret.slice(0, 12), lastFour: secret.slice(-4) });
    expect(JSON.stringify(stored)).not.toContain(secret.slice(12, -4));
  });
});
