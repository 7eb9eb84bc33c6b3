import type { SharedCount, SharedCountStore } from '../shared-count.store';

/** The port's semantics in memory (compare-and-set on a revision), with a count of round trips: for unit tests. */
export class MemorySharedCountStore<T> implements SharedCountStore<T> {
  private readonly entries = new Map<string, { count: T; revision: number }>();
  private revisions = 0;
  calls = 0;
  /** Makes every write lose, as if another replica always wrote first. */
  alwaysConflict = false;

  async read(id: string): Promise<SharedCount<T>> {
    this.calls++;
    const entry = this.entries.get(id);
    return { count: entry?.count, revision: entry?.revision ?? 0 };
  }

  async write(id: string, count: T, revision: number): Promise<number | undefined> {
    this.calls++;
    if (this.alwaysConflict || (this.entries.get(id)?.revision ?? 0) !== revision) return undefined;
    this.entries.set(id, { count, revision: ++this.revisions });
    return this.revisions;
  }

  /** What is stored, without counting a round trip. */
  peek(id: string): T | undefined {
    return this.entries.get(id)?.count;
  }
}
