import { timingSafeEqual } from 'node:crypto';

/** An HMAC-SHA-256 digest: what the event store holds as `secretHash`. */
export const DIGEST_BYTES = 32;
const FIRST_DIGESTS = 1_024;

/** The stored digests of a table, as columns: what a snapshot of the index keeps of its secrets. */
export interface SecretColumns {
  /** `DIGEST_BYTES` per secret, in slot order. */
  readonly digests: Uint8Array;
  /** The key slot each secret belongs to. */
  readonly keys: readonly number[];
  /** Epoch ms after which each secret answers EXPIRED; `Infinity` for a key's current secret. */
  readonly validUntilMs: readonly number[];
}

/**
 * The stored keyed hashes, all in one Buffer, found through an open-addressing table of slot
 * numbers: a million secrets cost about 50 bytes each here, where strings and map entries cost
 * several times that and kept the garbage collector busy. A candidate is compared over all 32
 * bytes in constant time; the bucket probed first is set by the digest's first bytes, which no
 * caller can choose without the pepper, so lookup timing tells nothing about a stored hash.
 */
export class SecretTable {
  private digests = Buffer.alloc(DIGEST_BYTES * FIRST_DIGESTS);
  private keys: number[] = [];
  private validUntilMs: number[] = [];
  /** Secret slot + 1 per bucket, 0 when empty; at most half full, so probes stay short. */
  private buckets = new Int32Array(FIRST_DIGESTS * 2);

  get size(): number {
    return this.keys.length;
  }

  /** The slot of the secret whose digest this is, or -1. */
  find(digest: Buffer): number {
    if (digest.length !== DIGEST_BYTES) return -1;
    const mask = this.buckets.length - 1;
    for (let bucket = digest.readUInt32LE(0) & mask; ; bucket = (bucket + 1) & mask) {
      const entry = this.buckets[bucket];
      if (entry === 0) return -1;
      if (timingSafeEqual(this.digestAt(entry - 1), digest)) return entry - 1;
    }
  }

  /** Adds a secret of key slot `key`; the caller checked the digest is not stored yet. Answers its slot. */
  add(digest: Buffer, key: number, validUntilMs: number): number {
    const slot = this.keys.length;
    if ((slot + 1) * DIGEST_BYTES > this.digests.length) {
      const grown = Buffer.alloc(this.digests.length * 2);
      this.digests.copy(grown);
      this.digests = grown;
    }
    digest.copy(this.digests, slot * DIGEST_BYTES);
    this.keys.push(key);
    this.validUntilMs.push(validUntilMs);
    if ((slot + 1) * 2 > this.buckets.length) this.rehash(this.buckets.length * 2);
    else this.place(slot);
    return slot;
  }

  keyOf(slot: number): number {
    return this.keys[slot];
  }

  validUntilOf(slot: number): number {
    return this.validUntilMs[slot];
  }

  expireAt(slot: number, validUntilMs: number): void {
    this.validUntilMs[slot] = validUntilMs;
  }

  /** Copies of the columns, consistent with each other: later changes do not reach them. */
  columns(): SecretColumns {
    return {
      digests: Buffer.from(this.digests.subarray(0, this.size * DIGEST_BYTES)),
      keys: [...this.keys],
      validUntilMs: [...this.validUntilMs],
    };
  }

  /** A table holding `columns`, which the caller checked are consistent and hold no digest twice. */
  static of(columns: SecretColumns): SecretTable {
    const table = new SecretTable();
    const count = columns.keys.length;
    let capacity = FIRST_DIGESTS;
    while (capacity < count) capacity *= 2;
    table.digests = Buffer.alloc(capacity * DIGEST_BYTES);
    table.digests.set(columns.digests.subarray(0, count * DIGEST_BYTES));
    table.keys = [...columns.keys];
    table.validUntilMs = [...columns.validUntilMs];
    table.rehash(capacity * 2);
    return table;
  }

  private digestAt(slot: number): Buffer {
    return this.digests.subarray(slot * DIGEST_BYTES, (slot + 1) * DIGEST_BYTES);
  }

  private place(slot: number): void {
    const mask = this.buckets.length - 1;
    let bucket = this.digests.readUInt32LE(slot * DIGEST_BYTES) & mask;
    while (this.buckets[bucket] !== 0) bucket = (bucket + 1) & mask;
    this.buckets[bucket] = slot + 1;
  }

  private rehash(capacity: number): void {
    this.buckets = new Int32Array(capacity);
    for (let slot = 0; slot < this.keys.length; slot++) this.place(slot);
  }
}
