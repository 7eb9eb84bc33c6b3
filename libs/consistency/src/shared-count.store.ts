/** One shared count as read: what every replica counts in, and the revision a compare-and-set names. */
export interface SharedCount<T> {
  /** `undefined` when there is no count yet (or one this version's codec cannot read). */
  readonly count: T | undefined;
  /** The entry's revision, 0 when there is none: what a compare-and-set write names. */
  readonly revision: number;
}

/**
 * The shared state replicas count in (rate limits, credits), one entry per id, written by
 * compare-and-set. Its users bound each call: one that fails or is late counts as unreachable.
 */
export interface SharedCountStore<T> {
  read(id: string): Promise<SharedCount<T>>;
  /** Writes `count` only if the entry is still at `revision`: its new revision, or `undefined` when another replica wrote first. */
  write(id: string, count: T, revision: number): Promise<number | undefined>;
}

/** How a count is kept in its entry; `decode` answers `undefined` for anything it did not write. */
export interface SharedCountCodec<T> {
  encode(count: T): Uint8Array;
  decode(bytes: Uint8Array): T | undefined;
}
