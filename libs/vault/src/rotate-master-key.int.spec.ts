import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { loadMasterKeyring, masterKeyFile, nextMasterKeyFile } from '@keyward/config';
import type { SealedValue } from '@keyward/contracts';
import type { TestDatabase } from '@keyward/testing';
import { MasterKeys } from './master-keys';
import { PostgresCredentialVault } from './postgres-credential.vault';
import { rotateMasterKey } from './rotate-master-key';
import { tempDataDir } from './testing/temp-data-dir';
import { createVaultDatabase } from './testing/vault-database';

jest.setTimeout(60_000);

const WORKSPACE = 'ws-rotation';
const COUNT = 40;

/** A vault as one service would hold it: its own keyring, loaded from `env` or the data folder now. */
const serviceVault = (dataSource: DataSource, dataDir: string, env: NodeJS.ProcessEnv = {}): PostgresCredentialVault =>
  new PostgresCredentialVault(dataSource, new MasterKeys(() => loadMasterKeyring({ dataDir }, env)));

describe('rotateMasterKey on PostgreSQL', () => {
  let db: { database: TestDatabase; dataSource: DataSource };

  beforeEach(async () => {
    db = await createVaultDatabase();
  });

  afterEach(async () => {
    await db.dataSource.destroy();
    await db.database.drop();
  });

  const sealMany = async (vault: PostgresCredentialVault): Promise<Map<string, SealedValue>> => {
    const sealed = new Map<string, SealedValue>();
    for (let i = 0; i < COUNT; i += 1) {
      const id = randomUUID();
      sealed.set(id, await vault.seal(id, WORKSPACE, `value-${id}`));
    }
    return sealed;
  };

  const masterKeyIds = async (): Promise<string[]> =>
    (await db.dataSource.query<{ master_key_id: string }[]>(`SELECT DISTINCT master_key_id FROM credential_data_keys WHERE wrapped_key IS NOT NULL`)).map((r) => r.master_key_id);

  const expectAllOpen = async (vault: PostgresCredentialVault, sealed: ReadonlyMap<string, SealedValue>): Promise<void> => {
    for (const [id, value] of sealed) expect(await vault.open(id, value)).toBe(`value-${id}`);
  };

  it('re-wraps every data key under a new generated key, row by row, while a running service keeps opening values', async () => {
    const dataDir = tempDataDir();
    const gateway = serviceVault(db.dataSource, dataDir);
    const sealed = await sealMany(gateway);
    const old = loadMasterKeyring({ dataDir }, {}).current;
    await db.dataSource.query(`UPDATE credential_data_keys SET destroyed_at = now(), wrapped_key = NULL, master_key_id = NULL WHERE credential_id = $1`, [[...sealed.keys()][0]]);
    sealed.delete([...sealed.keys()][0]);

    let rotating = true;
    let opens = 0;
    const openWhileRotating = async (): Promise<void> => {
      const entries = [...sealed];
      for (let i = 0; rotating || i < entries.length; i += 1) {
        const [id, value] = entries[i % entries.length];
        expect(await gateway.open(id, value)).toBe(`value-${id}`);
        opens += 1;
      }
    };
    // A credential stored while the rotation runs, by the service that started before it.
    let storedDuring: [string, SealedValue] | undefined;
    const rotation = rotateMasterKey(db.dataSource, {
      dataDir,
      env: {},
      pageSize: 7,
      onRewrapped: async () => {
        if (storedDuring) return;
        const id = randomUUID();
        storedDuring = [id, await gateway.seal(id, WORKSPACE, `value-${id}`)];
      },
    }).finally(() => {
      rotating = false;
    });
    const [result] = await Promise.all([rotation, openWhileRotating(), openWhileRotating()]);

    const next = loadMasterKeyring({ dataDir }, {});
    expect(next.keys).toHaveLength(1);
    expect(next.current.id).not.toBe(old.id);
    // The one stored meanwhile is under the new key already (counted unchanged if the scan had not passed it yet).
    expect(result).toMatchObject({ masterKeyId: next.current.id, rewrapped: COUNT - 1 });
    expect(existsSync(nextMasterKeyFile(dataDir))).toBe(false);
    expect(await masterKeyIds()).toEqual([next.current.id]);
    expect(opens).toBeGreaterThan(COUNT);
    if (!storedDuring) throw new Error('nothing was stored during the rotation');
    sealed.set(...storedDuring);
    // A service started after the rotation holds the new key only: every value still opens.
    await expectAllOpen(serviceVault(db.dataSource, dataDir), sealed);
    const [{ rewrapped }] = await db.dataSource.query<{ rewrapped: string }[]>(`SELECT count(*) AS rewrapped FROM credential_data_keys WHERE rewrapped_at IS NOT NULL`);
    expect(Number(rewrapped)).toBe(COUNT - 1);
  });

  it('resumes after an interruption with the same next key, re-wrapping only what is left', async () => {
    const dataDir = tempDataDir();
    const gateway = serviceVault(db.dataSource, dataDir);
    const sealed = await sealMany(gateway);
    let done = 0;
    await expect(
      rotateMasterKey(db.dataSource, {
        dataDir,
        env: {},
        pageSize: 5,
        onRewrapped: () => {
          done += 1;
          if (done === 12) throw new Error('the operator pressed Ctrl-C');
        },
      }),
    ).rejects.toThrow('Ctrl-C');
    const nextKey = readFileSync(nextMasterKeyFile(dataDir), 'utf8');
    expect(await masterKeyIds()).toHaveLength(2);
    // Halfway, rows under both keys: a running service and a new one open them all.
    await expectAllOpen(gateway, sealed);
    await expectAllOpen(serviceVault(db.dataSource, dataDir), sealed);

    const result = await rotateMasterKey(db.dataSource, { dataDir, env: {} });
    expect(result).toMatchObject({ rewrapped: COUNT - 12, unchanged: 12 });
    expect(readFileSync(masterKeyFile(dataDir), 'utf8')).toBe(nextKey);
    expect(await masterKeyIds()).toEqual([result.masterKeyId]);
    await expectAllOpen(serviceVault(db.dataSource, dataDir), sealed);
  });

  it('with KEYWARD_MASTER_KEY, re-wraps under the key the operator put first; the old one can then be dropped', async () => {
    const dataDir = tempDataDir();
    const [old, next] = [randomBytes(32).toString('base64url'), randomBytes(32).toString('base64url')];
    const sealed = await sealMany(serviceVault(db.dataSource, dataDir, { KEYWARD_MASTER_KEY: old }));
    const env = { KEYWARD_MASTER_KEY: `${next},${old}` };
    const result = await rotateMasterKey(db.dataSource, { dataDir, env });
    expect(result).toEqual({ masterKeyId: loadMasterKeyring({ dataDir }, env).current.id, rewrapped: COUNT, unchanged: 0 });
    expect(existsSync(masterKeyFile(dataDir))).toBe(false);
    await expectAllOpen(serviceVault(db.dataSource, dataDir, { KEYWARD_MASTER_KEY: next }), sealed);
    expect(await rotateMasterKey(db.dataSource, { dataDir, env })).toMatchObject({ rewrapped: 0, unchanged: COUNT });
  });
});
