import type { DataSource, EntityManager } from 'typeorm';
import type { MasterKey } from '@keyward/config';
import type { SealedValue } from '@keyward/contracts';
import { CredentialShreddedError, type CredentialVault } from './credential-vault.port';
import { DATA_KEY_CREATION_LOCK, destroyDataKey, insertDataKey, selectDataKey, type DataKeyRow } from './credential-data-keys.table';
import { generateDataKey, unwrapDataKey, wrapDataKey } from './data-key.crypto';
import type { MasterKeys } from './master-keys';
import { openValue, sealValue } from './sealed-value.crypto';
import { UnknownMasterKeyError } from './vault.errors';

/**
 * The vault on the read-model database's `credential_data_keys`. Data keys are unwrapped for one
 * seal or open and wiped right after: no cache, because a data key destroyed by the projector (in
 * another process) must stop opening values at once, and unwrapping costs microseconds next to
 * the row's read, which happens anyway to learn whether the key still exists.
 */
export class PostgresCredentialVault implements CredentialVault {
  constructor(
    private readonly dataSource: DataSource,
    private readonly masterKeys: MasterKeys,
  ) {}

  async seal(credentialId: string, workspaceId: string, value: string): Promise<SealedValue> {
    const row = (await selectDataKey(this.dataSource.manager, credentialId)) ?? (await this.createDataKey(credentialId, workspaceId));
    return this.withDataKey(credentialId, row, (dataKey) => sealValue(dataKey, credentialId, value));
  }

  async open(credentialId: string, sealed: SealedValue): Promise<string> {
    const row = await selectDataKey(this.dataSource.manager, credentialId);
    // No row at all: the sealed value names a credential whose key never was (or whose table was lost); it cannot open either.
    if (row === undefined) throw new CredentialShreddedError(credentialId);
    return this.withDataKey(credentialId, row, (dataKey) => openValue(dataKey, credentialId, sealed));
  }

  async destroy(credentialId: string): Promise<void> {
    await destroyDataKey(this.dataSource.manager, credentialId);
  }

  /** Under the creation lock (see DATA_KEY_CREATION_LOCK), with the master key as the keyring is now. Two creators: the first one's key stands. */
  private createDataKey(credentialId: string, workspaceId: string): Promise<DataKeyRow> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [DATA_KEY_CREATION_LOCK]);
      const master = this.masterKeys.fresh();
      const dataKey = generateDataKey();
      const wrapped = wrapDataKey(master, { credentialId, workspaceId }, dataKey);
      dataKey.fill(0);
      if (await insertDataKey(manager, credentialId, workspaceId, wrapped, master.id)) return { workspaceId, wrapped, masterKeyId: master.id };
      const existing = await selectDataKey(manager, credentialId);
      if (existing === undefined) throw new Error(`the data key of credential ${credentialId} was neither created nor found`);
      return existing;
    });
  }

  private withDataKey<T>(credentialId: string, row: DataKeyRow, use: (dataKey: Buffer) => T): T {
    if (row.wrapped === null || row.masterKeyId === null) throw new CredentialShreddedError(credentialId);
    const master = this.masterKeyOf(credentialId, row.masterKeyId);
    const dataKey = unwrapDataKey(master, { credentialId, workspaceId: row.workspaceId }, row.wrapped);
    try {
      return use(dataKey);
    } finally {
      dataKey.fill(0);
    }
  }

  /** A key id not held yet: a rotation may have re-wrapped the row under the next key; read the keyring once more. */
  private masterKeyOf(credentialId: string, masterKeyId: string): MasterKey {
    const known = this.masterKeys.find(masterKeyId);
    if (known) return known;
    this.masterKeys.reload();
    const reloaded = this.masterKeys.find(masterKeyId);
    if (reloaded === undefined) throw new UnknownMasterKeyError(credentialId, masterKeyId);
    return reloaded;
  }
}
