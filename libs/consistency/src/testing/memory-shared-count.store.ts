import type { SharedCount, SharedCountStore } from '../shared-count.store';

/** The port's semantics in memory (compare-and-set on a revision), with a count of round trips: for unit tests. */
export class MemorySharedCountStore<T> implements SharedCountStore<T> {
  /** `count` undefined: an entry no codec reads (see `spoil`). */
  private readonly entries = new Map<string, { count: T | undefined; revision: number }>();
  private revisions = 0;
  calls = 0;
  /** Makes every write lose, as if another replica always wrote first. */
  alwaysConflict = false;

  async read(id: string): Promise<SharedCount<T>> {
    this.calls++;
    const entry = this.entries.get(id);
    if (!entry) return { state: 'absent', revision: 0 };
    return entry.count === undefined ? { state: 'unreadable', revision: entry.revision } : { state: 'counted', count: entry.count, revision: entry.revision };
  }

  async write(id: string, count: T, revision: number): Promise<number | undefined> {
    this.calls++;
    if (this.alwaysConflict || (this.entries.get(id)?.revision ?? 0) !== revision) return undefined;
    this.entries.set(id, { count, revision: ++this.revisions });
    return this.revisions;
  }

  /** Leaves an entry no codec reads at a new revision, as a hand-made DEL or PURGE, or another version's format, would. */
  spoil(id: string): void {
    this.entries.set(id, { count: undefined, revision: ++this.revisions });
  }

  /** What is stored, without counting a round trip. */
  peek(id: string): T | undefined {
    return this.entries.get(id)?.count;
  }
}
