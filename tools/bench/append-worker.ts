import { randomUUID } from 'node:crypto';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import type { EventMetadata } from '@keyward/contracts';
import { PostgresEventStore } from '@keyward/event-store/postgres';

/** `floor`: a bare one-statement commit of as many rows, the least any durable append can cost on this server. */
export type StoreName = 'keyward' | 'emmett' | 'floor';

/** The store one worker process opens, and how it loads it. */
export interface AppendWorkload {
  readonly store: StoreName;
  readonly databaseUrl: string;
  readonly writers: number;
  readonly eventsPerAppend: number;
}

/** Parent to worker: open the store (answered with `ready`), run one slice (answered with its count), or close and exit. */
export type WorkerCommand = { readonly open: AppendWorkload } | { readonly runMs: number } | { readonly close: true };
export type WorkerReply = { readonly ready: true } | { readonly appends: number; readonly ms: number };

/** Appends `count` events to a new stream, the way a key's creation does. */
type Append = (streamId: string, count: number) => Promise<unknown>;

const metadata: EventMetadata = { workspaceId: 'default', actor: 'system', correlationId: 'bench', causationId: 'bench', occurredAt: '2026-12-02T00:00:00.000Z', schemaVersion: 1 };
// About the size of a KeyCreated event.
const data = { name: 'bench key', environment: 'live', secretHash: 'x'.repeat(64), prefix: 'kw_live_abcd', lastFour: 'wxyz', roles: [], permissions: {}, unrestricted: true };

/** Each store in a process of its own: Emmett's driver sets `pg` type parsers process-wide. */
const openStore = async (w: AppendWorkload): Promise<{ append: Append; close(): Promise<void> }> => {
  // The same pool for both: one connection per writer.
  const pool = new Pool({ connectionString: w.databaseUrl, max: w.writers });
  const events = Array.from({ length: w.eventsPerAppend }, () => ({ type: 'KeyCreated', data, metadata }));
  if (w.store === 'keyward') {
    const store = new PostgresEventStore({ pool, schema: 'keyward', ownsPool: true });
    return {
      append: (streamId) => store.appendToStream(streamId, events, { expectedVersion: 'no_stream' }),
      close: () => store.close(),
    };
  }
  if (w.store === 'floor') {
    await pool.query('CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, n int NOT NULL)');
    return {
      append: (_streamId, count) => pool.query('INSERT INTO bench_floor (n) SELECT generate_series(1, $1::int)', [count]),
      close: () => pool.end(),
    };
  }
  const store = getPostgreSQLEventStore(w.databaseUrl, { connectionOptions: { connectionString: w.databaseUrl, pool } });
  await store.schema.migrate();
  return {
    append: (streamId) => store.appendToStream(streamId, events, { expectedStreamVersion: STREAM_DOES_NOT_EXIST }),
    close: async () => {
      await store.close();
      await pool.end();
    },
  };
};

/** Keeps `writers` appends in flight for `ms`, each writer awaiting its own before the next. */
const runSlice = async (append: Append, w: AppendWorkload, ms: number): Promise<WorkerReply> => {
  const started = performance.now();
  const deadline = started + ms;
  let appends = 0;
  const writer = async (): Promise<void> => {
    while (performance.now() < deadline) {
      await append(`key-${randomUUID()}`, w.eventsPerAppend);
      appends++;
    }
  };
  await Promise.all(Array.from({ length: w.writers }, writer));
  // The last appends end a little after the deadline: count the time they took.
  return { appends, ms: performance.now() - started };
};

const serve = (): void => {
  let opened: { store: Awaited<ReturnType<typeof openStore>>; workload: AppendWorkload } | undefined;
  const reply = (message: WorkerReply): void => void process.send?.(message);
  const handle = async (command: WorkerCommand): Promise<void> => {
    if ('open' in command) {
      opened = { store: await openStore(command.open), workload: command.open };
      reply({ ready: true });
    } else if ('runMs' in command) {
      if (!opened) throw new Error('run before open');
      reply(await runSlice(opened.store.append, opened.workload, command.runMs));
    } else {
      await opened?.store.close();
      process.exit(0);
    }
  };
  process.on('message', (command: WorkerCommand) => {
    handle(command).catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
  });
};

if (require.main === module) serve();
