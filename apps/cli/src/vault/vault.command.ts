import { Command } from 'commander';
import { dataDirOf, loadConfig } from '@keyward/config';
import { createReadModelDataSource } from '@keyward/read-models';
import { rotateMasterKey, type MasterKeyRotation } from '@keyward/vault';

/** For people: the rotation's outcome as a two-column table. */
export const formatRotation = (rotation: MasterKeyRotation): string =>
  [
    ['master key', rotation.masterKeyId],
    ['re-wrapped', String(rotation.rewrapped)],
    ['already under it', String(rotation.unchanged)],
  ]
    .map(([label, value]) => `${label.padEnd(18)}${value}`)
    .join('\n');

/**
 * `keyward vault rotate-master-key` (product.md 9.4): re-wraps every credential's data key under a
 * new master key, never touching the history. Reads the master key as the services do
 * (`KEYWARD_MASTER_KEY`, else the data folder's generated file) and PostgreSQL from
 * `DATABASE_URL` or the data folder's infra.json.
 */
export const vaultCommand = (env: NodeJS.ProcessEnv = process.env, stdout: Pick<NodeJS.WriteStream, 'write'> = process.stdout): Command => {
  const vault = new Command('vault').description('the credential vault: its master key');
  vault
    .command('rotate-master-key')
    .description(
      'Re-wrap every data key under a new master key. With the generated key file, a new key is written to master-key.next and renamed over master-key once every data key is under it; an interrupted run resumes. With KEYWARD_MASTER_KEY, put the new key first ("new,old"), restart the services, then run this; drop the old key afterwards.',
    )
    .option('--json', 'print JSON for scripts instead of a table')
    .action(async (_options: unknown, command: Command) => {
      const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
      const dataSource = createReadModelDataSource(env.DATABASE_URL || loadConfig(env).databaseUrl, { poolSize: 2 });
      await dataSource.initialize();
      try {
        const rotation = await rotateMasterKey(dataSource, { dataDir: dataDirOf(env), env });
        stdout.write(`${json ? JSON.stringify(rotation, null, 2) : formatRotation(rotation)}\n`);
      } finally {
        await dataSource.destroy();
      }
    });
  return vault;
};
