import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { isCredentialEvent, isWebhookEvent } from '@keyward/contracts';
import { comparePositions, type EventStore, type Position, type RecordedEvent } from '@keyward/event-store';
import { lockCheckpoint, setCheckpoint } from '../checkpoints/checkpoint.store';
import type { FoldedTable } from '../read-model-table';
import { projectEvents, READ_MODEL_TABLES, READ_MODELS_PROJECTION } from '../read-models.projection';
import { ShadowTable } from './shadow-table';

/** Events per read of the history: large pages, the next one read while this one is folded. */
const PAGE = 5_000;
/**
 * Why a swap is tried again. deadlock_detected: the swap locks the tables one after another, and a
 * live batch may hold one it has not reached yet while waiting for one it has. lock_not_available:
 * `LOCK_TIMEOUT` passed behind a long query; readers queued behind the swap meanwhile, so it lets
 * them through rather than keep them waiting.
 */
const RETRIED = new Set(['40P01', '55P03']);
const LOCK_TIMEOUT = '5s';
const SWAP_ATTEMPTS = 5;

export interface ReplayProgress {
  /** `folding` the history in memory; `writing` the folded rows into copies of the tables, then swapping them in (at the end). */
  readonly stage: 'folding' | 'writing';
  readonly applied: number;
  /** As given in the options: how many events the history holds, when the caller knows. */
  readonly total: number | undefined;
  /** Events applied per second since the replay began. */
  readonly eventsPerSecond: number;
}

/**
 * Crypto-shredding of deleted credentials and webhooks (their values and signing secrets are
 * sealed under data keys named by their ids), in the caller's transaction: libs/vault's
 * `destroyDataKeys`, which the caller passes (the vault's tests build on the read models, so the
 * read models cannot import it), as the projector passes its shredding reaction.
 */
export type ShredDataKeys = (manager: EntityManager, ids: readonly string[]) => Promise<void>;

export interface ReplayOptions {
  readonly total?: number;
  readonly onProgress?: (progress: ReplayProgress) => void;
}

export interface ReplayResult {
  readonly events: number;
  /** The position the tables and the projection's checkpoint now stand at; absent for an empty history. */
  readonly position: Position | undefined;
  /** Rows the fold wrote, by table (events the live projection applied meanwhile may have changed a few since). */
  readonly rows: Readonly<Record<string, number>>;
  readonly seconds: number;
  /** Events over the whole replay, writing included. */
  readonly eventsPerSecond: number;
}

/** Arbitrary but fixed (the migrations take 7,316,001): one replay at a time per database, as the copies have fixed names. */
const REPLAY_LOCK = 7_316_002;

/** Another replay holds the lock; this one changed nothing. */
export class ReplayRunningError extends Error {
  constructor() {
    super('another replay of the read models is running on this database');
    this.name = 'ReplayRunningError';
  }
}

const isRetried = (error: unknown): boolean => error instanceof QueryFailedError && RETRIED.has((error.driverError as { code?: string }).code ?? '');

/** The read models folded in memory, how far into the history, and every credential and webhook the history deleted. */
class Fold {
  readonly tables: readonly FoldedTable[] = READ_MODEL_TABLES.map((t) => t.inMemory());
  readonly deleted = new Set<string>();
  position: Position | undefined;
  applied = 0;

  add(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      for (const table of this.tables) table.fold(event);
      if (isCredentialEvent(event) && event.type === 'CredentialDeleted') this.deleted.add(event.data.credentialId);
      if (isWebhookEvent(event) && event.type === 'WebhookDeleted') this.deleted.add(event.data.webhookId);
    }
    this.applied += events.length;
    this.position = events.at(-1)?.position ?? this.position;
  }
}

const isBefore = (a: Position | undefined, b: Position | undefined): boolean => b !== undefined && (a === undefined || comparePositions(a, b) < 0);

/** The history after `after` in pages, up to the head (a short page) or to `until`, included; the next page is read while this one is used. */
async function* pagesOf(store: EventStore, after: Position | undefined, until?: Position): AsyncGenerator<readonly RecordedEvent[]> {
  let next = store.readAll({ after, maxCount: PAGE });
  for (;;) {
    const page = await next;
    const last = page.at(-1);
    const more = page.length === PAGE && last !== undefined && (until === undefined || isBefore(last.position, until));
    if (more) next = store.readAll({ after: last.position, maxCount: PAGE });
    yield until ? page.filter((e) => !isBefore(until, e.position)) : page;
    if (!more) return;
  }
}

/**
 * Swaps the filled copies in for the live tables, with the checkpoint, in one transaction:
 * readers see the old tables until it commits, then the new ones, never half of either; they
 * wait only for the renames (the lock renaming needs). A batch of the live projection that
 * committed while the copies were filled moved the checkpoint past the fold: the events between
 * are applied to the new tables by the projection itself, so the tables never go back in the
 * history. The checkpoint ends where the tables stand; a live batch begun from elsewhere fails its
 * compare-and-set and its runner follows from here (`CheckpointMovedError`). The data keys of the
 * credentials and webhooks the history deleted are destroyed in the same transaction (see below). Answers that position.
 */
const swap = async (manager: EntityManager, store: EventStore, shadows: readonly ShadowTable[], fold: Fold, shred: ShredDataKeys): Promise<Position | undefined> => {
  await manager.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
  // The checkpoint moves over events only the fold applied: the projector's shredding never sees
  // their deletes, so the data keys go here, with the move (all the history's: destroying is idempotent).
  await shred(manager, [...fold.deleted]);
  await manager.query(`LOCK TABLE ${shadows.map((s) => manager.connection.driver.escape(s.table)).join(', ')} IN ACCESS EXCLUSIVE MODE`);
  const stored = await lockCheckpoint(manager, READ_MODELS_PROJECTION);
  for (const shadow of shadows) await shadow.swap(manager);
  let position = fold.position;
  if (isBefore(position, stored)) {
    for await (const page of pagesOf(store, position, stored)) {
      await projectEvents(manager, page);
      position = page.at(-1)?.position ?? position;
    }
  }
  if (isBefore(position, stored)) throw new Error('the history ends before the projection checkpoint: is this the history the tables were built from?');
  if (position) await setCheckpoint(manager, READ_MODELS_PROJECTION, position);
  return position;
};

/** The replay itself, under the lock. */
const replay = async (store: EventStore, dataSource: DataSource, shred: ShredDataKeys, options: ReplayOptions): Promise<ReplayResult> => {
  const started = performance.now();
  const fold = new Fold();
  const report = (stage: ReplayProgress['stage']): void =>
    options.onProgress?.({ stage, applied: fold.applied, total: options.total, eventsPerSecond: Math.round((fold.applied * 1_000) / Math.max(1, performance.now() - started)) });
  for await (const page of pagesOf(store, undefined)) {
    fold.add(page);
    report('folding');
  }
  report('writing');
  const names = READ_MODEL_TABLES.map((t) => dataSource.getMetadata(t.entity).tableName);
  const shadows = names.map((name) => new ShadowTable(name));
  let position: Position | undefined;
  try {
    await dataSource.transaction(async (manager) => {
      for (const [i, shadow] of shadows.entries()) {
        await shadow.create(manager);
        await fold.tables[i].write(manager, shadow.name);
        await shadow.index(manager);
      }
    });
    for (let attempt = 1; ; attempt++) {
      try {
        position = await dataSource.transaction((manager) => swap(manager, store, shadows, fold, shred));
        break;
      } catch (error) {
        // The transaction left the copies as they were: try the swap again.
        if (!isRetried(error) || attempt === SWAP_ATTEMPTS) throw error;
      }
    }
  } finally {
    // A failed replay leaves no copy behind (else the next one drops it); after a swap there is none left.
    await Promise.all(shadows.map((s) => s.drop(dataSource.manager).catch(() => undefined)));
  }
  // Statistics of the new tables at once, as the live runner refreshes them after a bulk.
  await dataSource.query(`ANALYZE ${names.map((n) => dataSource.driver.escape(n)).join(', ')}`);
  const seconds = (performance.now() - started) / 1_000;
  return {
    events: fold.applied,
    position,
    rows: Object.fromEntries(names.map((name, i) => [name, fold.tables[i].size])),
    seconds,
    eventsPerSecond: Math.round(fold.applied / Math.max(seconds, 0.001)),
  };
};

/**
 * Rebuilds every read-model table the projection builds (`READ_MODEL_TABLES`) from the history
 * alone, while the live projection may keep running: the history is folded in memory with the
 * projection's own row changes, written into copies of the tables, then swapped in at once (see
 * `swap`), with every credential and webhook the history deleted crypto-shredded by `shred` (the projector's
 * reaction would never see deletes the checkpoint jumps over). The event chain is not rebuilt: it is the evidence the history was not altered, and
 * rebuilding it from the history would launder an alteration. Usage is not in the history and stays.
 * One replay at a time per database: another fails at once with `ReplayRunningError`.
 */
export const replayReadModels = async (store: EventStore, dataSource: DataSource, shred: ShredDataKeys, options: ReplayOptions = {}): Promise<ReplayResult> => {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    const [{ locked }]: { locked: boolean }[] = await lock.query('SELECT pg_try_advisory_lock($1) AS locked', [REPLAY_LOCK]);
    if (!locked) throw new ReplayRunningError();
    try {
      return await replay(store, dataSource, shred, options);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [REPLAY_LOCK]).catch(() => undefined);
    }
  } finally {
    await lock.release();
  }
};
