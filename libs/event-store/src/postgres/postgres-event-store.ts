import { Pool } from 'pg';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedVersion,
  ReadStreamResult,
  RecordedEvent,
  Subscription,
  SubscriptionHandlers,
} from '../event-store.port';
import type { Position } from '../position';
import { beginAppend, type PendingAppend } from './append-to-stream';
import { CatchUpSubscription } from './catch-up-subscription';
import { ensureEventStoreSchema, eventTablesOf, type EventTables } from './event-store.schema';
import { readAll } from './read-all';
import { readStream } from './read-stream';

export interface PostgresEventStoreOptions {
  readonly pool: Pool;
  /** Used for the LISTEN connection; without it, subscribers rely on polling alone. */
  readonly connectionString?: string;
  readonly schema?: string;
  readonly pollMs?: number;
}

/** The event store on PostgreSQL (product.md section 5). */
export class PostgresEventStore implements EventStore {
  private readonly tables: EventTables;
  private ready: Promise<void> | undefined;
  private readonly subscriptions = new Set<Subscription>();

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.tables = eventTablesOf(options.schema ?? 'public');
  }

  static fromConnectionString(connectionString: string, options: { schema?: string; poolSize?: number } = {}): PostgresEventStore {
    const pool = new Pool({ connectionString, max: options.poolSize ?? 10 });
    // An idle client losing its server must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    return new PostgresEventStore({ pool, connectionString, schema: options.schema });
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], options: { readonly expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    const pending = await this.beginAppend(streamId, events, options);
    return pending.commit();
  }

  /** Appends inside a transaction the caller commits later: for work that must commit together. */
  async beginAppend(streamId: string, events: readonly EventToAppend[], options: { readonly expectedVersion: ExpectedVersion }): Promise<PendingAppend> {
    await this.ensureSchema();
    return beginAppend(this.options.pool, this.tables, streamId, events, options.expectedVersion);
  }

  async readStream(streamId: string): Promise<ReadStreamResult> {
    await this.ensureSchema();
    return readStream(this.options.pool, this.tables, streamId);
  }

  async readAll(options: { readonly after?: Position; readonly maxCount: number }): Promise<readonly RecordedEvent[]> {
    await this.ensureSchema();
    return readAll(this.options.pool, this.tables, options.after, options.maxCount);
  }

  subscribeToAll(options: { readonly after?: Position; readonly batchSize?: number }, handlers: SubscriptionHandlers): Subscription {
    const subscription = new CatchUpSubscription(
      (after, maxCount) => this.readAll({ after, maxCount }),
      this.options.connectionString,
      this.tables,
      { after: options.after, batchSize: options.batchSize ?? 500, pollMs: this.options.pollMs ?? 250, retryMs: 500 },
      handlers,
    );
    this.subscriptions.add(subscription);
    return {
      wake: () => subscription.wake(),
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.options.pool.end();
  }

  private ensureSchema(): Promise<void> {
    this.ready ??= ensureEventStoreSchema(this.options.pool, this.tables).catch((error: unknown) => {
      this.ready = undefined; // try again on the next call, e.g. once the database is back
      throw error;
    });
    return this.ready;
  }
}
