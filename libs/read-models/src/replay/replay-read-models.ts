import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { comparePositions, type EventStore, type Position, type RecordedEvent } from '@keyward/event-store';
import { lockCheckpoint, setCheckpoint } from '../checkpoints/checkpoint.store';
import type { FoldedTable } from '../read-model-table';
import { READ_MODEL_TABLES, READ_MODELS_PROJECTION } from '../read-models.projection';

/** Events per read of the history: large pages, the next one read while this one is folded. */
const PAGE = 5_000;
/** PostgreSQL's deadlock_detected: the swap may lock a table a batch of the live projection holds while waiting for one the swap holds. */
const DEADLOCK = '40P01';
const SWAP_ATTEMPTS = 5;

export interface ReplayProgress {
  /** `folding` the history in memory; `writing` the folded rows in place of the tables' (at the end). */
  readonly stage: 'folding' | 'writing';
  readonly applied: number;
  /** As given in the options: how many events the history holds, when the caller knows. */
  readonly total: number | undefined;
  /** Events applied per second since the replay began. */
  readonly eventsPerSecond: number;
}

export interface ReplayOptions {
  readonly total?: number;
  readonly onProgress?: (progress: ReplayProgress) => void;
}

export interface ReplayResult {
  readonly events: number;
  /** The position the tables and the projection's checkpoint now stand at; absent for an empty history. */
  readonly position: Position | undefined;
  /** Rows written, by table. */
  readonly rows: Readonly<Record<string, number>>;
  readonly seconds: number;
  /** Events over the whole replay, writing included. */
  readonly eventsPerSecond: number;
}

const isDeadlock = (error: unknown): boolean => error instanceof QueryFailedError && (error.driverError as { code?: string }).code === DEADLOCK;

/** The read models folded in memory, and how far into the history. */
class Fold {
  readonly tables: readonly FoldedTable[] = READ_MODEL_TABLES.map((t) => t.inMemory());
  position: Position | undefined;
  applied = 0;

  add(events: readonly RecordedEvent[]): void {
    for (const event of events) for (const table of this.tables) table.fold(event);
    this.applied += events.length;
    this.position = events.at(-1)?.position ?? this.position;
  }

  /** Whether the fold has reached `position` (nothing to reach: yes). */
  reached(position: Position | undefined): boolean {
    return position === undefined || (this.position !== undefined && comparePositions(this.position, position) >= 0);
  }
}

/** Folds the history after the fold's position, page by page, until a short page (the head) or past `until`. */
const foldHistory = async (store: EventStore, fold: Fold, until: Position | undefined, onPage: () => void): Promise<void> => {
  let next = store.readAll({ after: fold.position, maxCount: PAGE });
  for (;;) {
    const page = await next;
    const last = page.at(-1);
    const more = page.length === PAGE && !(until && last && comparePositions(last.position, until) >= 0);
    if (more && last) next = store.readAll({ after: last.position, maxCount: PAGE });
    fold.add(until ? page.filter((e) => comparePositions(e.position, until) <= 0) : page);
    onPage();
    if (!more) return;
  }
};

/**
 * Rows and checkpoint in one transaction: readers see the old tables until it commits, then the
 * new ones, never half of either. Writes to the tables are locked out first (readers are not),
 * then the checkpoint's row: a batch of the live projection that committed meanwhile moved it,
 * and the fold catches up to it, so the tables never go back in the history. The checkpoint ends
 * where the fold stands; a live batch begun from another position fails its compare-and-set and
 * its runner follows from here (`CheckpointMovedError`).
 */
const swap = async (manager: EntityManager, store: EventStore, fold: Fold, onWriting: () => void): Promise<void> => {
  const tables = READ_MODEL_TABLES.map((t) => manager.connection.driver.escape(manager.getRepository(t.entity).metadata.tableName));
  await manager.query(`LOCK TABLE ${tables.join(', ')} IN EXCLUSIVE MODE`);
  const stored = await lockCheckpoint(manager, READ_MODELS_PROJECTION);
  if (!fold.reached(stored)) await foldHistory(store, fold, stored, () => undefined);
  if (!fold.reached(stored)) throw new Error('the history ends before the projection checkpoint: is this the history the tables were built from?');
  onWriting();
  // DELETE, not TRUNCATE: TRUNCATE is not MVCC-safe, a reader's older snapshot would see the tables empty.
  for (const table of tables) await manager.query(`DELETE FROM ${table}`);
  for (const table of fold.tables) await table.write(manager);
  if (fold.position) await setCheckpoint(manager, READ_MODELS_PROJECTION, fold.position);
};

/**
 * Rebuilds every read-model table the projection builds (`READ_MODEL_TABLES`) from the history
 * alone, while the live projection may keep running: the history is folded in memory with the
 * projection's own row changes, then swapped in at once (see `swap`). The event chain is not
 * rebuilt: it is the evidence the history was not altered, and rebuilding it from the history
 * would launder an alteration. Usage is not in the history and stays as it is.
 */
export const replayReadModels = async (store: EventStore, dataSource: DataSource, options: ReplayOptions = {}): Promise<ReplayResult> => {
  const started = performance.now();
  const fold = new Fold();
  const report = (stage: ReplayProgress['stage']): void =>
    options.onProgress?.({ stage, applied: fold.applied, total: options.total, eventsPerSecond: Math.round((fold.applied * 1_000) / Math.max(1, performance.now() - started)) });
  await foldHistory(store, fold, undefined, () => report('folding'));
  for (let attempt = 1; ; attempt++) {
    try {
      await dataSource.transaction((manager) => swap(manager, store, fold, () => report('writing')));
      break;
    } catch (error) {
      // The fold only moves forward, so the next attempt starts from what it holds.
      if (!isDeadlock(error) || attempt === SWAP_ATTEMPTS) throw error;
    }
  }
  // Statistics of the new rows at once, as the live runner refreshes them after a bulk.
  await dataSource.query(`ANALYZE ${READ_MODEL_TABLES.map((t) => dataSource.driver.escape(dataSource.getMetadata(t.entity).tableName)).join(', ')}`);
  const seconds = (performance.now() - started) / 1_000;
  return {
    events: fold.applied,
    position: fold.position,
    rows: Object.fromEntries(READ_MODEL_TABLES.map((t, i) => [dataSource.getMetadata(t.entity).tableName, fold.tables[i].size])),
    seconds,
    eventsPerSecond: Math.round(fold.applied / Math.max(seconds, 0.001)),
  };
};
