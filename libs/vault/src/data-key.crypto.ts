import { randomBytes } from 'node:crypto';
import type { MasterKey } from '@keyward/config';
import { GCM_NONCE_BYTES, GCM_TAG_BYTES, gcmOpen, gcmSeal } from './aes-gcm.crypto';
import { VaultIntegrityError } from './vault.errors';

export const DATA_KEY_BYTES = 32;
/** nonce ‖ wrapped key ‖ tag, as stored in `credential_data_keys.wrapped_key`. */
export const WRAPPED_DATA_KEY_BYTES = GCM_NONCE_BYTES + DATA_KEY_BYTES + GCM_TAG_BYTES;

export const generateDataKey = (): Buffer => randomBytes(DATA_KEY_BYTES);

/** Whose data key this is: a wrapped key moved to another credential's (or workspace's) row does not unwrap. */
export interface DataKeyOwner {
  readonly credentialId: string;
  readonly workspaceId: string;
}

/** Length-prefixed by JSON, so that no two owners encode alike; labelled, so that it is never a sealed value's. */
const aadOf = (owner: DataKeyOwner): Buffer => Buffer.from(JSON.stringify(['keyward data key', owner.credentialId, owner.workspaceId]), 'utf8');

export const wrapDataKey = (master: MasterKey, owner: DataKeyOwner, dataKey: Buffer): Buffer => {
  const box = gcmSeal(master.key, dataKey, aadOf(owner));
  return Buffer.concat([box.nonce, box.ciphertext, box.tag]);
};

export const unwrapDataKey = (master: MasterKey, owner: DataKeyOwner, wrapped: Buffer): Buffer => {
  const dataKey =
    wrapped.length === WRAPPED_DATA_KEY_BYTES
      ? gcmOpen(
          master.key,
          {
            nonce: wrapped.subarray(0, GCM_NONCE_BYTES),
            ciphertext: wrapped.subarray(GCM_NONCE_BYTES, GCM_NONCE_BYTES + DATA_KEY_BYTES),
            tag: wrapped.subarray(GCM_NONCE_BYTES + DATA_KEY_BYTES),
          },
          aadOf(owner),
        )
      : undefined;
  if (dataKey === undefined) throw new VaultIntegrityError(owner.credentialId, 'data key');
  return dataKey;
};
