import { Command } from 'commander';
import { createReadModelDataSource } from '@keyward/read-models';
import { rotateMasterKey, type MasterKeyRotation } from '@keyward/vault';
import { CliContext } from '../cli-context';
import { fields } from '../output/table';

const forPeople = (rotation: MasterKeyRotation): string =>
  fields([
    ['master key', rotation.masterKeyId],
    ['re-wrapped', String(rotation.rewrapped)],
    ['already under it', String(rotation.unchanged)],
  ]);

/**
 * `keyward vault rotate-master-key` (product.md 9.4): re-wraps every credential's data key under a
 * new master key, never touching the history. Reads the master key as the services do
 * (`KEYWARD_MASTER_KEY`, else the data folder's generated file) and PostgreSQL as `replay` does.
 */
export const vaultCommand = (env: NodeJS.ProcessEnv = process.env): Command => {
  const vault = new Command('vault').description('the credential vault: its master key');
  vault
    .command('rotate-master-key')
    .description(
      'Re-wrap every data key under a new master key. With the generated key file, a new key is written to master-key.next and renamed over master-key once every data key is under it; an interrupted run resumes. With KEYWARD_MASTER_KEY, put the new key first ("new,old"), restart the services, then run this; drop the old key afterwards.',
    )
    .action(async (_options: object, command: Command) => {
      const context = CliContext.of(command, env);
      const dataSource = await createReadModelDataSource(context.databaseUrl(), { poolSize: 2 }).initialize();
      try {
        context.output.result(await rotateMasterKey(dataSource, { dataDir: context.dataDir, env }), forPeople);
      } finally {
        await dataSource.destroy();
      }
    });
  return vault;
};
