import type { DataSource } from 'typeorm';
import { isCredentialEvent, isWebhookEvent, type DomainEvent } from '@keyward/contracts';
import { comparePositions, type EventStore, type Position } from '@keyward/event-store';
import { PostgresEventStore } from '@keyward/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { readCheckpoint } from '../checkpoints/checkpoint.store';
import { ProjectionRunner, type ProjectEvents } from '../projection-runner';
import { createReadModelDataSource } from '../read-models.data-source';
import { projectEvents, READ_MODEL_TABLES, READ_MODELS_PROJECTION } from '../read-models.projection';
import { runReadModelMigrations } from '../run-migrations';
import { appendMixedHistory } from '../testing/mixed-history.fixture';
import { projectedHistory } from '../testing/projected-history.fixture';
import { projectUntilLive } from '../testing/read-model.fixtures';
import { ReplayRunningError, replayReadModels, type ReplayProgress, type ShredDataKeys } from './replay-read-models';

jest.setTimeout(60_000);

/** Every table the projection builds, each row as PostgreSQL prints it, in primary-key order: equal dumps are equal tables. */
const tablesOf = (dataSource: DataSource): string[] => READ_MODEL_TABLES.map((t) => dataSource.getMetadata(t.entity).tableName);
const dump = async (dataSource: DataSource): Promise<Record<string, string[]>> => {
  const tables: Record<string, string[]> = {};
  for (const table of tablesOf(dataSource)) {
    const rows: { row: string }[] = await dataSource.query(`SELECT t::text AS row FROM ${table} t ORDER BY id`);
    tables[table] = rows.map((r) => r.row);
  }
  return tables;
};

/** What the migrations made of the tables: columns, constraints, indexes by name. A replay's copies must take their place exactly. */
const structure = async (dataSource: DataSource): Promise<unknown[]> =>
  dataSource.query(
    `SELECT 'column' AS kind, table_name::text AS name, column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS definition
       FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ANY($1)
     UNION ALL SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid::regclass::text = ANY($1)
     UNION ALL SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1)
     UNION ALL SELECT 'leftover', relname, '' FROM pg_class WHERE relname LIKE 'replay\\_%'
     ORDER BY 1, 2, 3`,
    [tablesOf(dataSource)],
  );

/** For the tests not about shredding: these histories' credentials have no data keys. */
const keepKeys: ShredDataKeys = async () => undefined;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('replayReadModels', () => {
  describe('of a history the live runner projected', () => {
    const history = projectedHistory('replay_history', async (store) => {
      await appendMixedHistory(store, 1, 120);
    });

    it('rebuilds every table row for row as the live projection built it, with the same columns, constraints and indexes, and repairs what was changed behind its back', async () => {
      const { store, dataSource } = history;
      const live = await dump(dataSource);
      const migrated = await structure(dataSource);
      const checkpoint = await readCheckpoint(dataSource.manager, READ_MODELS_PROJECTION);
      expect(live.keys.length).toBeGreaterThan(100);
      expect(live.roles.length).toBeGreaterThan(10);
      expect(live.workspaces).toHaveLength(2);
      expect(live.credentials.length).toBeGreaterThan(20);
      expect(live.webhooks.length).toBeGreaterThan(20);
      expect(live.identities.length).toBeGreaterThan(10);
      await dataSource.query(`UPDATE keys SET name = 'tampered' WHERE id = (SELECT min(id) FROM keys)`);
      await dataSource.query(`DELETE FROM roles WHERE id = (SELECT min(id) FROM roles)`);
      await dataSource.query(`INSERT INTO workspaces (id, name, plan, settings, created_at) VALUES ('ws_never', 'never', 'free', '{}', now())`);
      const progress: ReplayProgress[] = [];

      const result = await replayReadModels(store, dataSource, keepKeys, { total: 1_000_000, onProgress: (p) => progress.push(p) });

      expect(await dump(dataSource)).toEqual(live);
      expect(await structure(dataSource)).toEqual(migrated);
      expect(await readCheckpoint(dataSource.manager, READ_MODELS_PROJECTION)).toEqual(checkpoint);
      expect(result.position).toEqual(checkpoint);
      expect(result.events).toBe(await store.countEvents());
      expect(result.rows).toEqual({ keys: live.keys.length, roles: live.roles.length, workspaces: 2, credentials: live.credentials.length, webhooks: live.webhooks.length, identities: live.identities.length });
      expect(progress.at(-1)).toEqual(expect.objectContaining({ stage: 'writing', applied: result.events, total: 1_000_000 }));
      expect(progress.every((p) => p.eventsPerSecond >= 0)).toBe(true);
    });

    it('runs one at a time: another replay fails at once and changes nothing', async () => {
      const { store, dataSource } = history;
      const before = await dump(dataSource);
      const other = dataSource.createQueryRunner();
      await other.connect();
      try {
        // What a replay under way holds.
        await other.query('SELECT pg_advisory_lock(7316002)');
        await dataSource.query(`UPDATE keys SET name = 'changed' WHERE id = (SELECT min(id) FROM keys)`);
        const changed = await dump(dataSource);
        await expect(replayReadModels(store, dataSource, keepKeys)).rejects.toBeInstanceOf(ReplayRunningError);
        expect(await dump(dataSource)).toEqual(changed);
        await other.query('SELECT pg_advisory_unlock(7316002)');
        await replayReadModels(store, dataSource, keepKeys);
        expect(await dump(dataSource)).toEqual(before);
      } finally {
        await other.release();
      }
    });
  });

  describe('while the live runner runs', () => {
    let events: TestDatabase;
    let scratch: TestDatabase;
    let store: PostgresEventStore;
    let dataSource: DataSource;
    let fromScratch: DataSource;
    let runner: ProjectionRunner | undefined;
    let applied: Position | undefined;
    const errors: Error[] = [];

    beforeAll(async () => {
      [events, scratch] = await Promise.all([createTestDatabase(), createTestDatabase()]);
      store = PostgresEventStore.fromConnectionString(events.url, { pollMs: 50 });
      dataSource = await createReadModelDataSource(events.url).initialize();
      fromScratch = await createReadModelDataSource(scratch.url).initialize();
      await runReadModelMigrations(dataSource);
    });

    afterEach(async () => {
      await runner?.stop();
    });

    afterAll(async () => {
      await Promise.all([dataSource.destroy(), fromScratch.destroy(), store.close()]);
      await Promise.all([events.drop(), scratch.drop()]);
    });

    /** The live projection; `project` in place of the plain one lets a test hold a batch. */
    const startRunner = async (project: ProjectEvents = projectEvents): Promise<void> => {
      runner = new ProjectionRunner(READ_MODELS_PROJECTION, store, dataSource, project, { onProgress: (position) => (applied = position), onError: (error) => errors.push(error) });
      await runner.start();
    };

    const reached = async (head: Position): Promise<void> => {
      for (let waited = 0; !(applied && comparePositions(applied, head) >= 0); waited += 20) {
        if (waited > 30_000) throw new Error('the live runner did not reach the head');
        await sleep(20);
      }
    };

    /** The tables a runner builds from nothing out of the same history. */
    const scratchDump = async (): Promise<Record<string, string[]>> => {
      await runReadModelMigrations(fromScratch);
      await fromScratch.query(`TRUNCATE keys, roles, workspaces, projection_checkpoints`);
      await projectUntilLive(store, fromScratch);
      return dump(fromScratch);
    };

    it('goes on from the replay position when a batch of its own was under way (its checkpoint moved): nothing skipped or doubled', async () => {
      let open: () => void = () => undefined;
      let gate: Promise<void> = Promise.resolve();
      await startRunner(async (manager, batch) => {
        await gate;
        await projectEvents(manager, batch);
      });
      await reached(await appendMixedHistory(store, 1, 40));
      gate = new Promise((r) => (open = r));
      const before = applied;
      // A batch of these waits at the gate inside its transaction, begun from `before`.
      const held = await appendMixedHistory(store, 41, 10);
      await sleep(200);

      const result = await replayReadModels(store, dataSource, keepKeys);

      expect(result.position).toEqual(held);
      expect(applied).toEqual(before);
      open();
      const head = await appendMixedHistory(store, 51, 10);
      await reached(head);
      expect(await readCheckpoint(dataSource.manager, READ_MODELS_PROJECTION)).toEqual(head);
      expect(errors).toEqual([]);
      expect(await dump(dataSource)).toEqual(await scratchDump());
    });

    it('applies, in the swap, what the live projection committed after the fold ended, so the tables never go back', async () => {
      await startRunner();
      const folded = await appendMixedHistory(store, 200, 10);
      await reached(folded);
      const head = await appendMixedHistory(store, 210, 10);
      await reached(head);
      // The fold sees the history up to `folded` only, as if the live runner's batches had committed while the copies were filled.
      let lagging = true;
      const laggingStore: EventStore = {
        appendToStream: (streamId, events, options) => store.appendToStream(streamId, events, options),
        readStream: <E extends DomainEvent>(streamId: string) => store.readStream<E>(streamId),
        readAll: async (options) => (await store.readAll(options)).filter((e) => !lagging || comparePositions(e.position, folded) <= 0),
        countEvents: () => store.countEvents(),
        subscribeToAll: (options, handlers) => store.subscribeToAll(options, handlers),
        close: async () => undefined,
      };

      const result = await replayReadModels(laggingStore, dataSource, keepKeys, { onProgress: (p) => p.stage === 'writing' && (lagging = false) });

      expect(result.position).toEqual(head);
      expect(await readCheckpoint(dataSource.manager, READ_MODELS_PROJECTION)).toEqual(head);
      await reached(await appendMixedHistory(store, 220, 5));
      expect(errors).toEqual([]);
      expect(await dump(dataSource)).toEqual(await scratchDump());
    });

    it('leaves, with events still being appended, the tables a from-scratch build of the same history makes', async () => {
      await startRunner();
      let appending = true;
      let head = await appendMixedHistory(store, 100, 5);
      const appender = (async () => {
        for (let from = 105; appending; from += 5) head = await appendMixedHistory(store, from, 5);
      })();
      await sleep(300);

      const first = await replayReadModels(store, dataSource, keepKeys);
      const second = await replayReadModels(store, dataSource, keepKeys);
      await sleep(300);
      appending = false;
      await appender;
      await reached(head);

      expect(comparePositions(second.position ?? head, first.position ?? head)).toBeGreaterThan(0);
      // A deadlock between a live batch and the swap is retried by whichever lost it; nothing else may fail.
      expect(errors.filter((e) => !/deadlock/.test(e.message))).toEqual([]);
      expect(await dump(dataSource)).toEqual(await scratchDump());
    });

    it('hands every credential and webhook the history deleted to the shredding, in the swap that moves the checkpoint over their deletes (the projector stopped)', async () => {
      const from = await readCheckpoint(dataSource.manager, READ_MODELS_PROJECTION);
      const head = await appendMixedHistory(store, 10_000, 30);
      const deleted = new Set<string>();
      for (const event of await store.readAll({ after: undefined, maxCount: 100_000 })) {
        if (isCredentialEvent(event) && event.type === 'CredentialDeleted') deleted.add(event.data.credentialId);
        if (isWebhookEvent(event) && event.type === 'WebhookDeleted') deleted.add(event.data.webhookId);
      }
      const jumped = await store.readAll({ after: from, maxCount: 10_000 });
      expect(jumped.filter((e) => e.type === 'CredentialDeleted').length).toBeGreaterThan(0);
      expect(jumped.filter((e) => e.type === 'WebhookDeleted').length).toBeGreaterThan(0);
      const shredded: { ids: readonly string[]; checkpoint: Position | undefined }[] = [];

      await replayReadModels(store, dataSource, async (manager, ids) => {
        shredded.push({ ids, checkpoint: await readCheckpoint(manager, READ_MODELS_PROJECTION) });
      });

      expect(shredded).toHaveLength(1);
      expect(new Set(shredded[0].ids)).toEqual(deleted);
      // Before the move, in its transaction: it commits with the checkpoint at the head or not at all.
      expect(shredded[0].checkpoint).toEqual(from);
      expect(await readCheckpoint(dataSource.manager, READ_MODELS_PROJECTION)).toEqual(head);
    });
  });
});
