import type { NatsConnection } from 'nats';

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Bounds the memory a run can take, whatever its length. */
const MAX_REQUESTS = 5_000_000;

const percentile = (sorted: Float64Array, p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * Keeps `inFlight` requests outstanding on `subject` for `seconds`, cycling through `payloads`.
 * Bounded in time and count, and only ever aimed at the local NATS server.
 */
export const runLoad = async (nats: NatsConnection, subject: string, payloads: readonly Uint8Array[], inFlight: number, seconds: number): Promise<LoadResult> => {
  const latencies = new Float64Array(MAX_REQUESTS);
  let done = 0;
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline && done < MAX_REQUESTS) {
      const payload = payloads[next++ % payloads.length];
      const t0 = performance.now();
      await nats.request(subject, payload, { timeout: 5_000 });
      latencies[done++] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = (performance.now() - started) / 1_000;
  const sorted = latencies.subarray(0, done).sort();
  return { requests: done, seconds: elapsed, perSecond: done / elapsed, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) };
};
