import { createDecipheriv, randomBytes } from 'node:crypto';
import { gcmOpen, gcmSeal } from './aes-gcm.crypto';

describe('AES-256-GCM', () => {
  const key = randomBytes(32);
  const aad = Buffer.from('associated');

  it('answers every length of plaintext whole from the one buffer it decrypts into (no copy left to wipe)', () => {
    for (let length = 0; length <= 48; length += 1) {
      const plaintext = randomBytes(length);
      expect(gcmOpen(key, gcmSeal(key, plaintext, aad), aad)).toEqual(plaintext);
    }
  });

  it('relies on GCM’s final answering nothing once the tag checks', () => {
    const box = gcmSeal(key, randomBytes(37), aad);
    const decipher = createDecipheriv('aes-256-gcm', key, box.nonce, { authTagLength: 16 });
    decipher.setAAD(aad);
    decipher.setAuthTag(box.tag);
    expect(decipher.update(box.ciphertext)).toHaveLength(37);
    expect(decipher.final()).toHaveLength(0);
  });

  it('answers nothing for a box that does not authenticate', () => {
    const box = gcmSeal(key, randomBytes(32), aad);
    expect(gcmOpen(key, box, Buffer.from('other'))).toBeUndefined();
    expect(gcmOpen(randomBytes(32), box, aad)).toBeUndefined();
  });
});
