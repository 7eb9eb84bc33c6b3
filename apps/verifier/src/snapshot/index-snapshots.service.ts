import { createHash, createHmac } from 'node:crypto';
import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { positionToToken, type Position } from '@keyward/event-store';
import { decodeIndexSnapshot, encodeIndexSnapshot, INDEX_SNAPSHOT_FORMAT, UnusableSnapshotError, type IndexSnapshot, type KeyIndex } from '@keyward/key-index';
import { PEPPER } from '@keyward/platform';
import { collectGarbage } from '../memory/collect-garbage';
import type { IndexSnapshotStore, StoredSnapshot } from './index-snapshot.store';

/** The store, or `null` where there is none (an EventStoreDB history: its positions are not PostgreSQL's). */
export const INDEX_SNAPSHOT_STORE = Symbol('INDEX_SNAPSHOT_STORE');
/** How many events a verifier applies before it writes a newer snapshot. */
export const SNAPSHOT_EVERY_EVENTS = Symbol('SNAPSHOT_EVERY_EVENTS');
/** A restart then replays at most this many events on top of the snapshot. */
const DEFAULT_SNAPSHOT_EVERY_EVENTS = 100_000;

/**
 * Names the pepper without revealing it (an HMAC of a fixed text): a snapshot's hashes are only
 * any use to a verifier with the same pepper.
 */
export const pepperTag = (pepper: Buffer): string => createHmac('sha256', pepper).update('keyward index snapshot').digest('hex');

const sha256 = (bytes: Buffer): Buffer => createHash('sha256').update(bytes).digest();

/**
 * A verifier starts from the newest snapshot of the index and replays only the events after it;
 * a caught-up verifier writes a newer one every `every` events. A snapshot that is missing,
 * damaged, of another format or pepper, or of another history is not used: the verifier replays
 * the whole history, and says why. Either way it answers only once caught up (Freshness).
 */
@Injectable()
export class IndexSnapshots implements OnApplicationShutdown {
  private readonly logger = new Logger(IndexSnapshots.name);
  private readonly tag: string;
  private sinceSaved = 0;
  private saving: Promise<void> | undefined;

  constructor(
    @Inject(INDEX_SNAPSHOT_STORE) private readonly store: IndexSnapshotStore | null,
    @Inject(PEPPER) pepper: Buffer,
    @Optional() @Inject(SNAPSHOT_EVERY_EVENTS) private readonly every: number = DEFAULT_SNAPSHOT_EVERY_EVENTS,
  ) {
    this.tag = pepperTag(pepper);
  }

  /** Fills the empty `index` from the newest usable snapshot; answers its position, or `undefined` to replay from the start. */
  async restore(index: KeyIndex): Promise<Position | undefined> {
    if (!this.store) return undefined;
    const started = performance.now();
    try {
      const stored = await this.store.latest();
      if (!stored) {
        this.logger.log('no index snapshot yet: replaying the whole history');
        return undefined;
      }
      const snapshot = await this.usable(this.store, stored);
      index.restore(snapshot);
      const took = ((performance.now() - started) / 1_000).toFixed(1);
      this.logger.log(`restored ${index.size} keys from the index snapshot at ${positionToToken(stored.header.position)} in ${took} s; catching up from there`);
      return stored.header.position;
    } catch (error) {
      // Names what failed, never a value: a parser's message may quote the snapshot's keyed hashes.
      const code = (error as { code?: unknown } | null)?.code;
      const why = error instanceof UnusableSnapshotError ? error.message : `${error instanceof Error ? error.name : 'unreadable'}${typeof code === 'string' ? ` ${code}` : ''}`;
      this.logger.warn(`index snapshot not used (${why}): replaying the whole history`);
      return undefined;
    }
  }

  /** Counts applied events towards the next snapshot. */
  noteApplied(count: number): void {
    this.sinceSaved += count;
  }

  /**
   * Called when the index reached the head at `position`: writes a snapshot if enough events came
   * since the last. The index is copied at once, so the snapshot is its state at `position`; the
   * encoding and the write go on while the verifier serves.
   */
  afterLive(index: KeyIndex, position: Position | undefined): void {
    if (!this.store || !position || this.saving || this.sinceSaved < this.every) return;
    const store = this.store;
    const snapshot = index.snapshot();
    this.sinceSaved = 0;
    this.saving = this.save(store, snapshot, position).finally(() => (this.saving = undefined));
  }

  /** Waits for a write under way, then closes the store's connections. */
  async onApplicationShutdown(): Promise<void> {
    await this.saving;
    await this.store?.close();
  }

  private async usable(store: IndexSnapshotStore, { header, bytes }: StoredSnapshot): Promise<IndexSnapshot> {
    if (header.format !== INDEX_SNAPSHOT_FORMAT) throw new UnusableSnapshotError(`format ${header.format}, not ${INDEX_SNAPSHOT_FORMAT}`);
    if (header.pepperTag !== this.tag) throw new UnusableSnapshotError('made with another pepper');
    if (!sha256(bytes).equals(header.sha256)) throw new UnusableSnapshotError('damaged: its checksum does not match');
    if (!(await store.holds(header.position))) throw new UnusableSnapshotError('of another history: the event store holds no event at its position');
    const snapshot = await decodeIndexSnapshot(bytes);
    if (snapshot.keys.ids.length !== header.keyCount) throw new UnusableSnapshotError('key count');
    return snapshot;
  }

  private async save(store: IndexSnapshotStore, snapshot: IndexSnapshot, position: Position): Promise<void> {
    try {
      const started = performance.now();
      const bytes = await encodeIndexSnapshot(snapshot);
      const saved = await store.save({ format: INDEX_SNAPSHOT_FORMAT, pepperTag: this.tag, position, keyCount: snapshot.keys.ids.length, sha256: sha256(bytes) }, bytes);
      const took = `${((performance.now() - started) / 1_000).toFixed(1)} s`;
      if (saved) this.logger.log(`index snapshot of ${snapshot.keys.ids.length} keys saved at ${positionToToken(position)} (${(bytes.length / 2 ** 20).toFixed(1)} MiB, ${took})`);
      else this.logger.log('index snapshot not saved: another verifier is writing one, or one as recent exists');
    } catch (error) {
      this.logger.warn(`index snapshot not saved: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
    await collectGarbage();
  }
}
