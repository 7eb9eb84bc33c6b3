import { isIP } from 'node:net';

/** Hextets of an IPv6 address, `::` expanded; undefined if it is not one. */
const hextets = (address: string): string[] | undefined => {
  if (isIP(address) !== 6) return undefined;
  const [head = '', tail] = address.split('::');
  const part = (text: string): string[] => (text === '' ? [] : text.split(':'));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4) takes two hextets' room.
  const width = [...left, ...right].reduce((n, h) => n + (h.includes('.') ? 2 : 1), 0);
  return [...left, ...Array<string>(tail === undefined ? 0 : 8 - width).fill('0'), ...right];
};

/**
 * What a throttle counts by: an IPv4 address as it is, an IPv6 address by its /64 (one customer
 * line gets a whole /64, so counting each /128 would let one caller try 2^64 times as often).
 */
export const throttleBucketOf = (address: string): string => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  const groups = hextets(address);
  return groups ? `${groups.slice(0, 4).map((h) => parseInt(h, 16).toString(16)).join(':')}::/64` : address;
};

/** Addresses remembered at most: a flood of new ones evicts the oldest rather than growing memory. */
const MAX_ADDRESSES = 10_000;

/**
 * Counts what each source address (an IPv6 one by its /64) does in a fixed window; past `allowed` it must wait until its
 * window ends. Per gateway replica, in memory: keys are far beyond guessing, so this is about noise,
 * log volume and load on the bus, not the keys' strength. What counts is the caller's choice: the
 * sign-in counts failures, revoke-by-secret every request.
 */
export class AddressThrottle {
  private readonly counts = new Map<string, { count: number; windowEnds: number }>();

  constructor(
    private readonly allowed: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds the address must wait before trying again, or undefined if it may try now. */
  retryAfterSeconds(address: string, now: number): number | undefined {
    const entry = this.counts.get(throttleBucketOf(address));
    if (!entry || entry.windowEnds <= now || entry.count < this.allowed) return undefined;
    return Math.max(1, Math.ceil((entry.windowEnds - now) / 1_000));
  }

  record(address: string, now: number): void {
    const bucket = throttleBucketOf(address);
    const entry = this.counts.get(bucket);
    if (entry && entry.windowEnds > now) {
      entry.count++;
      return;
    }
    this.counts.delete(bucket);
    if (this.counts.size >= MAX_ADDRESSES) this.counts.delete(this.counts.keys().next().value ?? '');
    this.counts.set(bucket, { count: 1, windowEnds: now + this.windowMs });
  }
}
