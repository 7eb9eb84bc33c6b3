import type { EntityManager } from 'typeorm';

/** A credential's row in `credential_data_keys`; `wrapped` is null once the key was destroyed. */
export interface DataKeyRow {
  readonly workspaceId: string;
  readonly wrapped: Buffer | null;
  readonly masterKeyId: string | null;
}

/**
 * Taken shared by every creation of a data key and exclusively, once, by a master-key rotation
 * after it wrote the next key: a creation then either committed before the rotation scans (and is
 * re-wrapped) or saw the next key (and wraps under it). Arbitrary but fixed.
 */
export const DATA_KEY_CREATION_LOCK = 7_316_011;

interface RawRow {
  workspace_id: string;
  wrapped_key: Buffer | null;
  master_key_id: string | null;
}

export const selectDataKey = async (manager: EntityManager, credentialId: string, forUpdate = false): Promise<DataKeyRow | undefined> => {
  const rows: RawRow[] = await manager.query(
    `SELECT workspace_id, wrapped_key, master_key_id FROM credential_data_keys WHERE credential_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [credentialId],
  );
  const [row] = rows;
  return row && { workspaceId: row.workspace_id, wrapped: row.wrapped_key, masterKeyId: row.master_key_id };
};

/** Stores a new data key unless the credential has one (or had one) already: answers whether it did. */
export const insertDataKey = async (manager: EntityManager, credentialId: string, workspaceId: string, wrapped: Buffer, masterKeyId: string): Promise<boolean> => {
  const rows: unknown[] = await manager.query(
    `INSERT INTO credential_data_keys (credential_id, workspace_id, wrapped_key, master_key_id, created_at)
     VALUES ($1, $2, $3, $4, now()) ON CONFLICT (credential_id) DO NOTHING RETURNING 1`,
    [credentialId, workspaceId, wrapped, masterKeyId],
  );
  return rows.length > 0;
};

export const rewrapDataKey = async (manager: EntityManager, credentialId: string, wrapped: Buffer, masterKeyId: string): Promise<void> => {
  await manager.query(`UPDATE credential_data_keys SET wrapped_key = $2, master_key_id = $3, rewrapped_at = now() WHERE credential_id = $1`, [
    credentialId,
    wrapped,
    masterKeyId,
  ]);
};

/**
 * Crypto-shredding: forgets the credential's wrapped data key for good, in the caller's
 * transaction (the projector's, with the read-model batch that deletes the credential; a replay's,
 * with the swap that moves the checkpoint over the deletes it folded). The row stays as a
 * tombstone, so the credential can never be given a new key and its old sealed values answer
 * "shredded". Idempotent.
 */
export const destroyDataKey = (manager: EntityManager, credentialId: string): Promise<void> => destroyDataKeys(manager, [credentialId]);

/** `destroyDataKey` for many credentials in one statement. */
export const destroyDataKeys = async (manager: EntityManager, credentialIds: readonly string[]): Promise<void> => {
  if (credentialIds.length === 0) return;
  await manager.query(
    `UPDATE credential_data_keys SET wrapped_key = NULL, master_key_id = NULL, destroyed_at = now() WHERE credential_id = ANY($1) AND destroyed_at IS NULL`,
    [credentialIds],
  );
};
