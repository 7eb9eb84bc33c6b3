import type { NatsConnection } from 'nats';

/** What one stretch of load saw: its requests' latencies, in milliseconds. */
export interface LoadSample {
  readonly seconds: number;
  readonly latenciesMs: Float64Array;
}

export interface LoadResult {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Bounds the memory a stretch can take, whatever its length. */
const MAX_REQUESTS = 5_000_000;

export const percentile = (sorted: Float64Array, p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * Keeps `inFlight` requests outstanding on `subject` for `seconds`, cycling through `payloads`.
 * Bounded in time and count, and only ever aimed at the local NATS server.
 */
export const runLoad = async (nats: NatsConnection, subject: string, payloads: readonly Uint8Array[], inFlight: number, seconds: number): Promise<LoadSample> => {
  const latencies = new Float64Array(Math.min(MAX_REQUESTS, Math.ceil(seconds * 200_000)));
  let done = 0;
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline && done < latencies.length) {
      const payload = payloads[next++ % payloads.length];
      const t0 = performance.now();
      await nats.request(subject, payload, { timeout: 5_000 });
      latencies[done++] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { seconds: (performance.now() - started) / 1_000, latenciesMs: latencies.slice(0, done) };
};

/** Stretches taken as one: throughput over their summed time, percentiles over all their requests. */
export const summarize = (samples: readonly LoadSample[]): LoadResult => {
  const requests = samples.reduce((n, s) => n + s.latenciesMs.length, 0);
  const all = new Float64Array(requests);
  let at = 0;
  for (const s of samples) {
    all.set(s.latenciesMs, at);
    at += s.latenciesMs.length;
  }
  all.sort();
  const seconds = samples.reduce((t, s) => t + s.seconds, 0);
  return { requests, perSecond: requests / seconds, p50Ms: percentile(all, 0.5), p99Ms: percentile(all, 0.99) };
};
