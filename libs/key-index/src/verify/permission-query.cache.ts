import { MAX_PERMISSION_QUERY_LENGTH } from '@keyward/contracts';
import { parsePermissionQuery, type PermissionQuery } from '@keyward/domain';

/**
 * Services send the same few `require` strings over and over. Parsing a 6-permission query takes
 * about as long as the key's HMAC (~2 µs); a hit here is one map lookup (README "Permission
 * queries"). Bounded: when full, the oldest string is dropped, so that a stream of distinct strings
 * costs memory once and each only its own parse. First in, first out rather than least recently
 * used: keeping the order of use would cost every hit a delete and an insert, for a working set of
 * a few queries that fits many times over anyway. Strings only: a list of permissions is about as
 * quick to read as to look up. Never a string longer than a query may be (refused at once anyway):
 * 256 of those could hold a quarter of a GB of requests.
 */
export class PermissionQueryCache {
  private readonly entries = new Map<string, PermissionQuery | null>();
  /**
   * The strings in the order they came, in a ring: the slot `next` holds the oldest once full.
   * (A map's own first key is no cheaper to find: after many deletes from its front, its iterator
   * walks past every deleted entry until the map is rebuilt.)
   */
  private readonly order: string[] = [];
  private next = 0;

  constructor(private readonly capacity = 256) {}

  /** As `parsePermissionQuery`: `undefined` for what is not a `require` (a bad string is remembered too). */
  parse(require: unknown): PermissionQuery | undefined {
    if (typeof require !== 'string' || require.length > MAX_PERMISSION_QUERY_LENGTH) return parsePermissionQuery(require);
    // `null` stands for a string known to be bad, so that `undefined` can mean "not seen".
    const known = this.entries.get(require);
    if (known !== undefined) return known ?? undefined;
    const query = parsePermissionQuery(require);
    if (this.order.length < this.capacity) this.order.push(require);
    else {
      this.entries.delete(this.order[this.next]);
      this.order[this.next] = require;
      this.next = (this.next + 1) % this.capacity;
    }
    this.entries.set(require, query ?? null);
    return query;
  }

  get size(): number {
    return this.entries.size;
  }
}
