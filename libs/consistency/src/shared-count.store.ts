/**
 * One shared count as read: what every replica counts in, and the entry's revision, which a
 * compare-and-set write names (0 when there is no entry). `absent`: nothing counted yet.
 * `unreadable`: an entry is there but holds no count this version can read (deleted or purged by
 * hand, or written in another format): not a fresh count, since what it held may have been spent;
 * each user says what it answers then (credits fail closed, rate limits start a fresh window).
 */
export type SharedCount<T> =
  | { readonly state: 'absent'; readonly revision: number }
  | { readonly state: 'counted'; readonly count: T; readonly revision: number }
  | { readonly state: 'unreadable'; readonly revision: number };

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
