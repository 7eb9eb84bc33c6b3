import type { DataSource } from 'typeorm';
import { beginMasterKeyRotation, completeMasterKeyRotation, loadMasterKeyring, type MasterKey } from '@keyward/config';
import { DATA_KEY_CREATION_LOCK, rewrapDataKey, selectDataKey } from './credential-data-keys.table';
import { unwrapDataKey, wrapDataKey } from './data-key.crypto';
import { UnknownMasterKeyError } from './vault.errors';

export interface MasterKeyRotation {
  /** The key every data key is wrapped under now. */
  readonly masterKeyId: string;
  /** Data keys re-wrapped by this run (a resumed run counts only what was left). */
  readonly rewrapped: number;
  /** Data keys already under it (a resumed run, or created since the rotation began). */
  readonly unchanged: number;
}

export interface RotateMasterKeyOptions {
  readonly dataDir: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Rows read per page; each row is re-wrapped in a transaction of its own. */
  readonly pageSize?: number;
  /** Called after each row re-wrapped (tests interrupt a rotation here). */
  readonly onRewrapped?: (credentialId: string) => void | Promise<void>;
}

interface PageRow {
  credential_id: string;
  master_key_id: string;
}

/**
 * Re-wraps every live data key under the master key, row by row, never touching the history.
 * The generated key file is rotated: a new key is written to `master-key.next` (or the one there
 * is reused, so an interrupted run resumes), every data key is re-wrapped under it, then it is
 * renamed over `master-key`. With `KEYWARD_MASTER_KEY`, the operator has put the new key first
 * (and restarted the services); this re-wraps everything under that first key.
 */
export const rotateMasterKey = async (dataSource: DataSource, options: RotateMasterKeyOptions): Promise<MasterKeyRotation> => {
  const env = options.env ?? process.env;
  const ring = loadMasterKeyring({ dataDir: options.dataDir }, env);
  const target = ring.source === 'file' ? beginMasterKeyRotation(options.dataDir) : ring.current;
  const unwrappers = new Map([target, ...ring.keys].map((key) => [key.id, key]));
  // Waits out the data keys being created under the previous key; later ones see `.next`.
  await dataSource.transaction((manager) => manager.query('SELECT pg_advisory_xact_lock($1)', [DATA_KEY_CREATION_LOCK]));
  let rewrapped = 0;
  let unchanged = 0;
  let after = '';
  for (;;) {
    const page: PageRow[] = await dataSource.query(
      `SELECT credential_id, master_key_id FROM credential_data_keys
       WHERE credential_id > $1 AND wrapped_key IS NOT NULL ORDER BY credential_id LIMIT $2`,
      [after, options.pageSize ?? 500],
    );
    if (page.length === 0) break;
    for (const row of page) {
      if (row.master_key_id === target.id) unchanged += 1;
      else if (await rewrapOne(dataSource, row.credential_id, target, unwrappers)) {
        rewrapped += 1;
        await options.onRewrapped?.(row.credential_id);
      }
    }
    after = page[page.length - 1].credential_id;
  }
  if (ring.source === 'file') completeMasterKeyRotation(options.dataDir);
  return { masterKeyId: target.id, rewrapped, unchanged };
};

/** One row, locked, as it is now (destroyed or re-wrapped meanwhile: nothing to do). */
const rewrapOne = (dataSource: DataSource, credentialId: string, target: MasterKey, unwrappers: ReadonlyMap<string, MasterKey>): Promise<boolean> =>
  dataSource.transaction(async (manager) => {
    const row = await selectDataKey(manager, credentialId, true);
    if (row?.wrapped == null || row.masterKeyId === null || row.masterKeyId === target.id) return false;
    const master = unwrappers.get(row.masterKeyId);
    if (master === undefined) throw new UnknownMasterKeyError(credentialId, row.masterKeyId);
    const owner = { credentialId, workspaceId: row.workspaceId };
    const dataKey = unwrapDataKey(master, owner, row.wrapped);
    try {
      await rewrapDataKey(manager, credentialId, wrapDataKey(target, owner, dataKey), target.id);
    } finally {
      dataKey.fill(0);
    }
    return true;
  });
