import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadMasterKeyring } from '@keyward/config';
import type { CredentialEvent } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import { createReadModelDataSource, runReadModelMigrations } from '@keyward/read-models';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { CredentialShreddedError, MasterKeys, PostgresCredentialVault } from '@keyward/vault';
import { projectAndShred } from './shred-deleted-credentials';

jest.setTimeout(30_000);

const recorded = (event: CredentialEvent, n: number): RecordedEvent<CredentialEvent> => ({
  ...event,
  eventId: randomUUID(),
  streamId: `credential-${event.data.credentialId}`,
  streamVersion: BigInt(n),
  position: { commit: BigInt(n), prepare: BigInt(n) },
  recordedAt: new Date(),
  metadata: { workspaceId: 'ws_1', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
});

describe("the projector's batch shreds a deleted credential's data key", () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let vault: PostgresCredentialVault;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createReadModelDataSource(database.url).initialize();
    await runReadModelMigrations(dataSource);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-shred-'));
    vault = new PostgresCredentialVault(dataSource, new MasterKeys(() => loadMasterKeyring({ dataDir }, {})));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('in the same transaction: rolled back, the key still opens; committed, the value never opens again, and a replay changes nothing', async () => {
    const [kept, gone] = [`cred_${randomUUID()}`, `cred_${randomUUID()}`];
    const sealedKept = await vault.seal(kept, 'ws_1', 'kept value');
    const sealedGone = await vault.seal(gone, 'ws_1', 'gone value');
    const deleted = recorded({ type: 'CredentialDeleted', data: { credentialId: gone, workspaceId: 'ws_1', deletedAt: '2026-01-02T00:00:00.000Z' } }, 2);

    await expect(
      dataSource.transaction(async (manager) => {
        await projectAndShred(manager, [deleted]);
        throw new Error('the batch fails after the reaction');
      }),
    ).rejects.toThrow('the batch fails');
    expect(await vault.open(gone, sealedGone)).toBe('gone value');

    await dataSource.transaction((manager) => projectAndShred(manager, [deleted]));
    await expect(vault.open(gone, sealedGone)).rejects.toBeInstanceOf(CredentialShreddedError);
    await dataSource.transaction((manager) => projectAndShred(manager, [deleted]));
    await expect(vault.open(gone, sealedGone)).rejects.toBeInstanceOf(CredentialShreddedError);
    expect(await vault.open(kept, sealedKept)).toBe('kept value');
  });
});
