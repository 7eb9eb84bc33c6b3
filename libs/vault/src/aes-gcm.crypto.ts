import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM as NIST SP 800-38D recommends it: a 96-bit random nonce, a 128-bit tag. */
export interface GcmBox {
  readonly nonce: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';

export const gcmSeal = (key: Buffer, plaintext: Buffer, aad: Buffer): GcmBox => {
  const nonce = randomBytes(GCM_NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce, ciphertext, tag: cipher.getAuthTag() };
};

/** The plaintext, or undefined when the box does not authenticate under this key and associated data. */
export const gcmOpen = (key: Buffer, box: GcmBox, aad: Buffer): Buffer | undefined => {
  if (box.nonce.length !== GCM_NONCE_BYTES || box.tag.length !== GCM_TAG_BYTES) return undefined;
  const decipher = createDecipheriv(ALGORITHM, key, box.nonce, { authTagLength: GCM_TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(box.tag);
  const plaintext = decipher.update(box.ciphertext);
  try {
    return Buffer.concat([plaintext, decipher.final()]);
  } catch {
    // Node's "unable to authenticate data": GCM released plaintext it must not be used; wipe it.
    plaintext.fill(0);
    return undefined;
  }
};
