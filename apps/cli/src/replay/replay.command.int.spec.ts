import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { loadMasterKeyring } from '@keyward/config';
import { credentialStreamId, type CredentialEvent } from '@keyward/contracts';
import { PostgresEventStore } from '@keyward/event-store/postgres';
import { createReadModelDataSource, runReadModelMigrations } from '@keyward/read-models';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { CredentialShreddedError, MasterKeys, PostgresCredentialVault } from '@keyward/vault';
import { replayCommand } from './replay.command';

jest.setTimeout(30_000);

const keyward = (...args: string[]): Promise<Command> => new Command('keyward').option('--json').addCommand(replayCommand()).parseAsync(args, { from: 'user' });

const metadata = { workspaceId: 'default', actor: 'root', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 };

describe('keyward replay', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database.drop());

  it('destroys the data key of a credential deleted while no projector ran (the checkpoint jumps over its delete): its value no longer opens, the others still do', async () => {
    const dataSource = await createReadModelDataSource(database.url).initialize();
    await runReadModelMigrations(dataSource);
    const store = PostgresEventStore.fromConnectionString(database.url);
    const vault = new PostgresCredentialVault(dataSource, new MasterKeys(() => loadMasterKeyring({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'keyward-cli-replay-')) }, {})));
    const stored = async (credentialId: string, deleted: boolean) => {
      const sealedValue = await vault.seal(credentialId, 'default', `value of ${credentialId}`);
      const events: CredentialEvent[] = [
        {
          type: 'CredentialStored',
          data: {
            credentialId, workspaceId: 'default', service: 'stripe', name: credentialId, location: 'header', parameterName: 'X-API-Key', allowedHosts: ['api.example.com'],
            ownerKeyId: 'root', sharedWith: { keys: [], roles: [] }, sealedValue, lastFour: '', storedAt: metadata.occurredAt,
          },
        },
        ...(deleted ? [{ type: 'CredentialDeleted' as const, data: { credentialId, workspaceId: 'default', deletedAt: metadata.occurredAt } }] : []),
      ];
      await store.appendToStream(credentialStreamId(credentialId), events.map((e) => ({ ...e, metadata })), { expectedVersion: 'any' });
      return sealedValue;
    };
    const gone = await stored('cred_deletedwhileprojectordown', true);
    const kept = await stored('cred_keptwhileprojectordown0', false);
    const environment = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await keyward('replay', '--json');
    } finally {
      jest.restoreAllMocks();
      process.env.DATABASE_URL = environment;
    }

    await expect(vault.open('cred_deletedwhileprojectordown', 'default', gone)).rejects.toBeInstanceOf(CredentialShreddedError);
    expect(await vault.open('cred_keptwhileprojectordown0', 'default', kept)).toBe('value of cred_keptwhileprojectordown0');
    const [row]: { destroyed: boolean }[] = await dataSource.query(`SELECT destroyed_at IS NOT NULL AS destroyed FROM credential_data_keys WHERE credential_id = $1`, ['cred_deletedwhileprojectordown']);
    expect(row).toEqual({ destroyed: true });
    await Promise.all([dataSource.destroy(), store.close()]);
  });
});
