import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { loadMasterKeyring, type MasterKey } from '@keyward/config';
import type { SealedValue } from '@keyward/contracts';
import type { TestDatabase } from '@keyward/testing';
import { CredentialShreddedError } from './credential-vault.port';
import { destroyDataKey, selectDataKey } from './credential-data-keys.table';
import { unwrapDataKey } from './data-key.crypto';
import { MasterKeys } from './master-keys';
import { PostgresCredentialVault } from './postgres-credential.vault';
import { openValue } from './sealed-value.crypto';
import { tempDataDir } from './testing/temp-data-dir';
import { createVaultDatabase, dumpEveryTable } from './testing/vault-database';

jest.setTimeout(30_000);

const WORKSPACE = 'ws-vault';
const valueOf = (credentialId: string): string => `sk_live_${credentialId}_the-value`;

describe('PostgresCredentialVault on PostgreSQL', () => {
  let db: { database: TestDatabase; dataSource: DataSource };
  let dataDir: string;
  let vault: PostgresCredentialVault;

  beforeAll(async () => {
    db = await createVaultDatabase();
    dataDir = tempDataDir();
    vault = new PostgresCredentialVault(db.dataSource, new MasterKeys(() => loadMasterKeyring({ dataDir }, {})));
  });

  afterAll(async () => {
    await db.dataSource.destroy();
    await db.database.drop();
  });

  it('seals and opens through the table: one data key per credential, wrapped under the current master key', async () => {
    const id = randomUUID();
    const first = await vault.seal(id, WORKSPACE, valueOf(id));
    const rotated = await vault.seal(id, WORKSPACE, 'the rotated value');
    expect(await vault.open(id, first)).toBe(valueOf(id));
    expect(await vault.open(id, rotated)).toBe('the rotated value');
    const rows: { n: string; master_key_id: string }[] = await db.dataSource.query(`SELECT count(*) OVER () AS n, master_key_id FROM credential_data_keys WHERE credential_id = $1`, [id]);
    expect(rows).toEqual([{ n: '1', master_key_id: loadMasterKeyring({ dataDir }, {}).current.id }]);
  });

  it('gives a credential sealed twice at once a single data key, which opens both', async () => {
    const id = randomUUID();
    const [a, b] = await Promise.all([vault.seal(id, WORKSPACE, 'a'), vault.seal(id, WORKSPACE, 'b')]);
    expect([await vault.open(id, a), await vault.open(id, b)]).toEqual(['a', 'b']);
  });

  it('does not open a value sealed for one credential as another', async () => {
    const [one, other] = [randomUUID(), randomUUID()];
    const sealed = await vault.seal(one, WORKSPACE, valueOf(one));
    await vault.seal(other, WORKSPACE, valueOf(other));
    await expect(vault.open(other, sealed)).rejects.toThrow(`the sealed value of credential ${other} does not authenticate`);
  });

  it('destroys the data key in the caller’s transaction: rolled back it stays, committed it is gone for open and seal alike', async () => {
    const id = randomUUID();
    const sealed = await vault.seal(id, WORKSPACE, valueOf(id));
    await expect(
      db.dataSource.transaction(async (manager) => {
        await destroyDataKey(manager, id);
        throw new Error('the read-model batch failed');
      }),
    ).rejects.toThrow('the read-model batch failed');
    expect(await vault.open(id, sealed)).toBe(valueOf(id));
    await db.dataSource.transaction((manager) => destroyDataKey(manager, id));
    await expect(vault.open(id, sealed)).rejects.toThrow(new CredentialShreddedError(id));
    await expect(vault.seal(id, WORKSPACE, 'new value')).rejects.toThrow(CredentialShreddedError);
    await vault.destroy(id);
    await expect(vault.open(randomUUID(), sealed)).rejects.toThrow(CredentialShreddedError);
  });

  it('after a delete, every table dumped with SQL, the sealed value and the master key together do not yield the value', async () => {
    const id = randomUUID();
    const value = valueOf(id);
    const sealed = await vault.seal(id, WORKSPACE, value);
    const master = loadMasterKeyring({ dataDir }, {}).current;
    const before = await selectDataKey(db.dataSource.manager, id);
    if (!before?.wrapped) throw new Error('no data key was stored');
    const dataKey = unwrapDataKey(master, { credentialId: id, workspaceId: WORKSPACE }, before.wrapped);

    await vault.destroy(id);
    const dump = (await dumpEveryTable(db.dataSource)).join('\n');

    expect(dump).not.toContain(value);
    for (const secret of [dataKey, before.wrapped]) {
      for (const encoding of ['hex', 'base64', 'base64url'] as const) expect(dump).not.toContain(secret.toString(encoding));
    }
    // Try everything the attacker has: each string and bytea in the dump as a wrapped key under the master key, or as the data key.
    const candidates = bytesIn(dump);
    expect(candidates.length).toBeGreaterThan(0);
    const opened = candidates.filter((candidate) => opens(candidate, master, id, sealed) !== undefined);
    expect(opened).toEqual([]);
  });
});

/** Every JSON string of the dump, decoded as bytea hex, base64url and plain text. */
const bytesIn = (dump: string): Buffer[] => {
  const strings = dump.match(/"(?:[^"\\]|\\.)*"/g) ?? [];
  return strings.flatMap((quoted) => {
    const text = JSON.parse(quoted) as string;
    return [...(text.startsWith('\\x') ? [Buffer.from(text.slice(2), 'hex')] : []), Buffer.from(text, 'base64url'), Buffer.from(text, 'utf8')];
  });
};

const opens = (candidate: Buffer, master: MasterKey, credentialId: string, sealed: SealedValue): string | undefined => {
  const attempt = (dataKey: () => Buffer): string | undefined => {
    try {
      return openValue(dataKey(), credentialId, sealed);
    } catch {
      return undefined;
    }
  };
  return attempt(() => unwrapDataKey(master, { credentialId, workspaceId: WORKSPACE }, candidate)) ?? (candidate.length === 32 ? attempt(() => candidate) : undefined);
};
