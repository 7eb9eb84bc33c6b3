import type { WindowCount } from './fixed-window';

export interface StoredCount {
  /** `undefined` when the key has no count yet (or one this version cannot read). */
  readonly count: WindowCount | undefined;
  /** The entry's revision, 0 when there is none: what a compare-and-set write names. */
  readonly revision: number;
}

/** The shared state every replica counts in. The limiter bounds each call: one that fails or is late counts as unreachable. */
export interface CounterStore {
  read(keyId: string): Promise<StoredCount>;
  /** Writes `count` only if the entry is still at `revision`: its new revision, or `undefined` when another replica wrote first. */
  write(keyId: string, count: WindowCount, revision: number): Promise<number | undefined>;
}
