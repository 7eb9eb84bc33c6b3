/** Past this many distinct values the cache starts over: holders keep theirs, new ones just share less. */
const MAX_INTERNED = 10_000;

/**
 * One shared value per signature. Most keys of an install hold one of a few shapes, so 100,000
 * keys point at a handful of objects instead of carrying 100,000 copies.
 */
export class Interner<Value> {
  private readonly bySignature = new Map<string, Value>();

  /** The value already made for `signature`, or the one `make` makes now (it must never be changed). */
  intern(signature: string, make: () => Value): Value {
    const known = this.bySignature.get(signature);
    if (known !== undefined) return known;
    if (this.bySignature.size >= MAX_INTERNED) this.bySignature.clear();
    const value = make();
    this.bySignature.set(signature, value);
    return value;
  }
}
