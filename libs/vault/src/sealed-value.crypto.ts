import type { SealedValue } from '@keyward/contracts';
import { gcmOpen, gcmSeal } from './aes-gcm.crypto';
import { VaultIntegrityError } from './vault.errors';

/** The credential id is the associated data (product.md 9.4): a sealed value copied onto another credential does not open. */
const aadOf = (credentialId: string): Buffer => Buffer.from(credentialId, 'utf8');

export const sealValue = (dataKey: Buffer, credentialId: string, value: string): SealedValue => {
  const box = gcmSeal(dataKey, Buffer.from(value, 'utf8'), aadOf(credentialId));
  return { nonce: box.nonce.toString('base64url'), ciphertext: box.ciphertext.toString('base64url'), tag: box.tag.toString('base64url') };
};

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Node's base64url decoder skips characters it does not know; an altered field must not open by luck of that. */
const decode = (field: string, credentialId: string): Buffer => {
  if (!BASE64URL.test(field)) throw new VaultIntegrityError(credentialId, 'sealed value');
  return Buffer.from(field, 'base64url');
};

export const openValue = (dataKey: Buffer, credentialId: string, sealed: SealedValue): string => {
  const box = { nonce: decode(sealed.nonce, credentialId), ciphertext: decode(sealed.ciphertext, credentialId), tag: decode(sealed.tag, credentialId) };
  const plaintext = gcmOpen(dataKey, box, aadOf(credentialId));
  if (plaintext === undefined) throw new VaultIntegrityError(credentialId, 'sealed value');
  const value = plaintext.toString('utf8');
  plaintext.fill(0);
  return value;
};
