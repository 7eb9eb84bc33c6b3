import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadMasterKeyring, masterKeyFile } from '@keyward/config';
import { createReadModelDataSource, runReadModelMigrations } from '@keyward/read-models';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { MasterKeys, PostgresCredentialVault } from '@keyward/vault';
import { vaultCommand } from './vault.command';

jest.setTimeout(30_000);

describe('keyward vault rotate-master-key', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database.drop());

  it('re-wraps every data key under a new generated key and prints how many, as JSON or a table', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'keyward-cli-vault-'));
    const dataSource = await createReadModelDataSource(database.url).initialize();
    await runReadModelMigrations(dataSource);
    const vault = new PostgresCredentialVault(dataSource, new MasterKeys(() => loadMasterKeyring({ dataDir }, {})));
    const sealed = await Promise.all(['a', 'b', 'c'].map(async (id) => [id, await vault.seal(id, 'ws', `value-${id}`)] as const));
    const oldKey = readFileSync(masterKeyFile(dataDir), 'utf8');

    const written: string[] = [];
    const env = { DATABASE_URL: database.url, KEYWARD_DATA_DIR: dataDir };
    await vaultCommand(env, { write: (chunk: string) => written.push(chunk) > 0 }).parseAsync(['rotate-master-key', '--json'], { from: 'user' });
    const rotation = JSON.parse(written.join('')) as { masterKeyId: string; rewrapped: number; unchanged: number };
    expect(rotation).toEqual({ masterKeyId: loadMasterKeyring({ dataDir }, {}).current.id, rewrapped: 3, unchanged: 0 });
    expect(readFileSync(masterKeyFile(dataDir), 'utf8')).not.toBe(oldKey);

    written.length = 0;
    await vaultCommand(env, { write: (chunk: string) => written.push(chunk) > 0 }).parseAsync(['rotate-master-key'], { from: 'user' });
    expect(written.join('')).toMatch(/^master key {8}[0-9a-f]{16}\nre-wrapped {8}3\nalready under it {2}0\n$/);

    const fresh = new PostgresCredentialVault(dataSource, new MasterKeys(() => loadMasterKeyring({ dataDir }, {})));
    for (const [id, value] of sealed) expect(await fresh.open(id, value)).toBe(`value-${id}`);
    await dataSource.destroy();
  });
});
