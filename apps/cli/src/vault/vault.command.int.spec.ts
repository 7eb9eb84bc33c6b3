import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { loadMasterKeyring, masterKeyFile } from '@keyward/config';
import { createReadModelDataSource, runReadModelMigrations } from '@keyward/read-models';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { MasterKeys, PostgresCredentialVault } from '@keyward/vault';
import { vaultCommand } from './vault.command';

jest.setTimeout(30_000);

/** As `keyward` runs it: `--json` is the program's option. */
const keyward = (env: NodeJS.ProcessEnv, ...args: string[]): Promise<Command> =>
  new Command('keyward').option('--json').addCommand(vaultCommand(env)).parseAsync(args, { from: 'user' });

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
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
    const env = { DATABASE_URL: database.url, KEYWARD_DATA_DIR: dataDir };
    await keyward(env, 'vault', 'rotate-master-key', '--json');
    const rotation = JSON.parse(written.join('')) as { masterKeyId: string; rewrapped: number; unchanged: number };
    expect(rotation).toEqual({ masterKeyId: loadMasterKeyring({ dataDir }, {}).current.id, rewrapped: 3, unchanged: 0 });
    expect(readFileSync(masterKeyFile(dataDir), 'utf8')).not.toBe(oldKey);

    written.length = 0;
    await keyward(env, 'vault', 'rotate-master-key');
    expect(written.join('')).toMatch(/re-wrapped\s+│\s+3\s/);
    jest.restoreAllMocks();

    const fresh = new PostgresCredentialVault(dataSource, new MasterKeys(() => loadMasterKeyring({ dataDir }, {})));
    for (const [id, value] of sealed) expect(await fresh.open(id, 'ws', value)).toBe(`value-${id}`);
    await dataSource.destroy();
  });

  it('run from a folder holding no master key, fails naming the folder instead of generating a key and reporting success', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'keyward-cli-vault-'));
    await expect(keyward({ DATABASE_URL: database.url, KEYWARD_DATA_DIR: dataDir }, 'vault', 'rotate-master-key', '--json')).rejects.toThrow(`no master key in ${dataDir}`);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
