import { Pool } from 'pg';
import type { DomainEvent } from '@keyward/contracts';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamResult,
  RecordedEvent,
  Subscription,
  SubscriptionHandlers,
} from '../event-store.port';
import type { Position } from '../position';
import { appendToStream, beginAppend, type PendingAppend } from './append-to-stream';
import { CatchUpSubscription } from './catch-up-subscription';
import { ensureEventStoreSchema, eventTablesOf, type EventTables } from './event-store.schema';
import { readAll } from './read-all';
import { readStream } from './read-stream';
import { WakeUpListener } from './wake-up-listener';
import { WakeUpNotifier } from './wake-up-notifier';

export interface PostgresEventStoreOptions {
  /** Queries run on it; subscriptions open one extra connection each, with its settings, to LISTEN. */
  readonly pool: Pool;
  /** The schema holding the event table (created on first use); tests use one of their own. */
  readonly schema?: string;
  /** How often an idle subscription reads when no notification came. */
  readonly pollMs?: number;
  /** Whether `close()` ends the pool: true for a pool the store created itself. */
  readonly ownsPool?: boolean;
}

const DEFAULT_BATCH_SIZE = 500;
const RETRY_MS = 100;
const MAX_RETRY_MS = 2_000;
const LISTEN_RETRY_MS = 500;
/** A server that neither answers nor refuses (or a pool with no free client) fails the call instead of holding it. */
const CONNECT_TIMEOUT_MS = 5_000;

/** The event store on PostgreSQL (product.md section 5). */
export class PostgresEventStore implements EventStore {
  private readonly tables: EventTables;
  private ready: Promise<void> | undefined;
  private readonly subscriptions = new Set<Subscription>();
  private readonly notifier: WakeUpNotifier;

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.tables = eventTablesOf(options.schema ?? 'public');
    this.notifier = WakeUpNotifier.besides(options.pool, this.tables.channel);
  }

  static fromConnectionString(connectionString: string, options: { schema?: string; poolSize?: number; pollMs?: number } = {}): PostgresEventStore {
    const pool = new Pool({ connectionString, max: options.poolSize ?? 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // An idle client losing its server must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    return new PostgresEventStore({ pool, schema: options.schema, pollMs: options.pollMs, ownsPool: true });
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    await this.ensureSchema();
    const result = await appendToStream(this.options.pool, this.tables, streamId, events, options);
    this.notifier.notify(result.position);
    return result;
  }

  /**
   * Appends inside a transaction the caller commits (or rolls back) later. Subscribers do not
   * move past it while it is open. Used by the contract tests to hold a slow transaction open.
   */
  async beginAppend(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<PendingAppend> {
    await this.ensureSchema();
    const pending = await beginAppend(this.options.pool, this.tables, streamId, events, options);
    return {
      commit: async () => {
        const result = await pending.commit();
        this.notifier.notify(result.position);
        return result;
      },
      rollback: () => pending.rollback(),
    };
  }

  async readStream<E extends DomainEvent = DomainEvent>(streamId: string): Promise<ReadStreamResult<E>> {
    await this.ensureSchema();
    return readStream<E>(this.options.pool, this.tables, streamId);
  }

  async readAll(options: ReadAllOptions): Promise<readonly RecordedEvent[]> {
    await this.ensureSchema();
    return readAll(this.options.pool, this.tables, options.after, options.maxCount, options.filter);
  }

  async countEvents(): Promise<number> {
    await this.ensureSchema();
    const { rows } = await this.options.pool.query<{ count: string }>(`SELECT count(*) AS count FROM ${this.tables.events}`);
    return Number(rows[0].count);
  }

  subscribeToAll(options: { readonly after?: Position; readonly batchSize?: number }, handlers: SubscriptionHandlers): Subscription {
    const subscription = new CatchUpSubscription(
      (after, maxCount) => this.readAll({ after, maxCount }),
      { after: options.after, batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE, pollMs: this.options.pollMs ?? 250, retryMs: RETRY_MS, maxRetryMs: MAX_RETRY_MS },
      handlers,
    );
    const listener = new WakeUpListener({
      config: this.options.pool.options,
      channel: this.tables.channel,
      retryMs: LISTEN_RETRY_MS,
      onWake: (head) => subscription.wake(head),
      onError: (error) => subscription.reportError(error),
    });
    listener.start();
    const handle: Subscription = {
      wake: (head) => subscription.wake(head),
      stop: async () => {
        this.subscriptions.delete(handle);
        await Promise.all([subscription.stop(), listener.stop()]);
      },
    };
    this.subscriptions.add(handle);
    return handle;
  }

  /** Stops every subscription (waiting for running handlers) and the notifier, then ends the pool if the store made it. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.notifier.close();
    if (this.options.ownsPool) await this.options.pool.end();
  }

  private ensureSchema(): Promise<void> {
    this.ready ??= ensureEventStoreSchema(this.options.pool, this.tables.schema).catch((error: unknown) => {
      this.ready = undefined; // try again on the next call, e.g. once the database is back
      throw error;
    });
    return this.ready;
  }
}
