import { randomUUID } from 'node:crypto';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import type { EventMetadata } from '@keyward/contracts';
import { PostgresEventStore } from '@keyward/event-store/postgres';

export type StoreName = 'keyward' | 'emmett';

/** What the parent asks one worker process to measure. */
export interface AppendRun {
  readonly store: StoreName;
  readonly databaseUrl: string;
  readonly writers: number;
  readonly eventsPerAppend: number;
  readonly warmUpSeconds: number;
  readonly seconds: number;
}

export interface AppendRunResult {
  readonly appends: number;
  readonly seconds: number;
}

/** Appends `count` fresh events to a new stream, the way a key's creation does. */
type Append = (streamId: string, count: number) => Promise<unknown>;

const metadata: EventMetadata = { workspaceId: 'default', actor: 'system', correlationId: 'bench', causationId: 'bench', occurredAt: '2026-12-02T00:00:00.000Z', schemaVersion: 1 };
// About the size of a KeyCreated event.
const data = { name: 'bench key', environment: 'live', secretHash: 'x'.repeat(64), prefix: 'kw_live_abcd', lastFour: 'wxyz', roles: [], permissions: {}, unrestricted: true };

/** Each store in a process of its own: Emmett's driver sets `pg` type parsers process-wide. */
const openStore = async (run: AppendRun): Promise<{ append: Append; close(): Promise<void> }> => {
  // The same pool for both: one connection per writer.
  const pool = new Pool({ connectionString: run.databaseUrl, max: run.writers });
  if (run.store === 'keyward') {
    const store = new PostgresEventStore({ pool, schema: 'keyward', ownsPool: true });
    return {
      append: (streamId, count) => store.appendToStream(streamId, Array.from({ length: count }, () => ({ type: 'KeyCreated', data, metadata })), { expectedVersion: 'no_stream' }),
      close: () => store.close(),
    };
  }
  const store = getPostgreSQLEventStore(run.databaseUrl, { connectionOptions: { connectionString: run.databaseUrl, pool } });
  await store.schema.migrate();
  return {
    append: (streamId, count) =>
      store.appendToStream(streamId, Array.from({ length: count }, () => ({ type: 'KeyCreated', data, metadata })), { expectedStreamVersion: STREAM_DOES_NOT_EXIST }),
    close: async () => {
      await store.close();
      await pool.end();
    },
  };
};

/** Keeps `writers` appends in flight, each awaiting its own before the next; counts only those after the warm-up. */
export const runAppends = async (run: AppendRun): Promise<AppendRunResult> => {
  const store = await openStore(run);
  try {
    const start = performance.now();
    const measureFrom = start + run.warmUpSeconds * 1_000;
    const deadline = measureFrom + run.seconds * 1_000;
    let appends = 0;
    const writer = async (): Promise<void> => {
      for (;;) {
        const before = performance.now();
        if (before >= deadline) return;
        await store.append(`key-${randomUUID()}`, run.eventsPerAppend);
        if (before >= measureFrom && performance.now() <= deadline) appends++;
      }
    };
    await Promise.all(Array.from({ length: run.writers }, writer));
    return { appends, seconds: run.seconds };
  } finally {
    await store.close();
  }
};

if (require.main === module) {
  process.once('message', (run: AppendRun) => {
    runAppends(run).then(
      (result) => process.send?.(result, () => process.exit(0)),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  });
}
