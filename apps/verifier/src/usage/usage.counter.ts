import { UsageCodes, VerifyCodes, type UsageCode, type UsageEntry, type VerifyAnswer, type VerifyCode } from '@keyward/contracts';

const HOUR_MS = 3_600_000;
const CODES = UsageCodes.length;
const VALID = UsageCodes.indexOf('VALID');
const INITIAL_SLOTS = 1_024;

/** Each counted code's column; -1 for the answers that name no key. */
const COLUMN = Object.fromEntries(VerifyCodes.map((code) => [code, (UsageCodes as readonly VerifyCode[]).indexOf(code)])) as Readonly<Record<VerifyCode, number>>;

/** The index's key slots (the `KeyIndex`): where a key's counts are kept, and whose they are. */
export interface UsageOwners {
  slotOf(keyId: string): number | undefined;
  ownerAt(slot: number): { readonly keyId: string; readonly workspaceId: string };
}

const grown = <T extends Uint32Array | Float64Array | Int32Array | Uint8Array>(array: T, length: number, make: (n: number) => T): T => {
  if (array.length >= length) return array;
  const bigger = make(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
};

/**
 * A verifier's answers per (key, hour, code) since the last drain, in typed arrays indexed by
 * key slot: counting a verify writes two numbers and allocates nothing. The hour is the clock's
 * at the answer; when it turns, the past hour's counts are set aside as entries (once an hour).
 */
export class UsageCounter {
  private counts = new Uint32Array(INITIAL_SLOTS * CODES);
  private lastValidMs = new Float64Array(INITIAL_SLOTS);
  private marked = new Uint8Array(INITIAL_SLOTS);
  private touched = new Int32Array(INITIAL_SLOTS);
  private touchedCount = 0;
  private hourStartMs = -Infinity;
  private hourEndMs = -Infinity;
  /** Entries of hours that ended since the last drain. */
  private sealed: UsageEntry[] = [];

  constructor(private readonly owners: UsageOwners) {}

  /** Counts an answer toward the key it names; answers that name none are counted in the metrics only. */
  record(answer: VerifyAnswer, nowMs: number): void {
    const column = COLUMN[answer.code];
    if (column < 0 || answer.keyId === undefined) return;
    const slot = this.owners.slotOf(answer.keyId);
    if (slot === undefined) return;
    if (nowMs < this.hourStartMs) return this.recordLate(slot, column, nowMs);
    if (nowMs >= this.hourEndMs) this.turnHour(nowMs);
    if (slot >= this.marked.length) this.grow(slot + 1);
    if (this.marked[slot] === 0) {
      this.marked[slot] = 1;
      this.touched[this.touchedCount++] = slot;
    }
    this.counts[slot * CODES + column]++;
    if (column === VALID) this.lastValidMs[slot] = nowMs;
  }

  /**
   * An answer of an hour that has already turned (a rate-limited one, answered after another that
   * came later): an entry of its own hour, so it counts where it belongs. Rare, so it may allocate.
   */
  private recordLate(slot: number, column: number, nowMs: number): void {
    const { keyId, workspaceId } = this.owners.ownerAt(slot);
    const hour = new Date(nowMs - (nowMs % HOUR_MS)).toISOString();
    this.sealed.push({ workspaceId, keyId, hour, counts: { [UsageCodes[column]]: 1 }, lastValidAt: column === VALID ? new Date(nowMs).toISOString() : null });
  }

  /** Everything counted since the last drain, as entries, and starts again from zero. */
  drain(): UsageEntry[] {
    const entries = this.sealed;
    this.sealed = [];
    this.collect(entries);
    return entries;
  }

  private turnHour(nowMs: number): void {
    this.collect(this.sealed);
    this.hourStartMs = nowMs - (nowMs % HOUR_MS);
    this.hourEndMs = this.hourStartMs + HOUR_MS;
  }

  /** Adds the current hour's counts to `entries` and clears them. */
  private collect(entries: UsageEntry[]): void {
    if (this.touchedCount === 0) return;
    const hour = new Date(this.hourStartMs).toISOString();
    for (let i = 0; i < this.touchedCount; i++) {
      const slot = this.touched[i];
      const counts: Partial<Record<UsageCode, number>> = {};
      const first = slot * CODES;
      for (let column = 0; column < CODES; column++) {
        const n = this.counts[first + column];
        if (n === 0) continue;
        counts[UsageCodes[column]] = n;
        this.counts[first + column] = 0;
      }
      const { keyId, workspaceId } = this.owners.ownerAt(slot);
      const lastValidMs = this.lastValidMs[slot];
      entries.push({ workspaceId, keyId, hour, counts, lastValidAt: lastValidMs > 0 ? new Date(lastValidMs).toISOString() : null });
      this.lastValidMs[slot] = 0;
      this.marked[slot] = 0;
    }
    this.touchedCount = 0;
  }

  private grow(slots: number): void {
    this.counts = grown(this.counts, slots * CODES, (n) => new Uint32Array(n));
    this.lastValidMs = grown(this.lastValidMs, slots, (n) => new Float64Array(n));
    this.marked = grown(this.marked, slots, (n) => new Uint8Array(n));
    this.touched = grown(this.touched, slots, (n) => new Int32Array(n));
  }
}
