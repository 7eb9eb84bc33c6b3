import { Client } from 'pg';
import { percentile } from './load';

export interface ChainLag {
  readonly samples: number;
  readonly p50Events: number;
  readonly maxEvents: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * How far the hash chain's follower is behind the history while a load runs: every `everyMs`, the
 * events committed but not yet linked, and the age of the oldest of them (from its commit's start,
 * `recorded_at`, to now on the database's clock, so no clock of the bench's own is involved).
 */
export const sampleChainLag = async <T>(databaseUrl: string, work: () => Promise<T>, everyMs = 50): Promise<{ result: T; lag: ChainLag }> => {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const events: number[] = [];
  const ms: number[] = [];
  let running = true;
  const sampling = (async () => {
    while (running) {
      // Not `max(position)`: the chain follows commit order, and an event with a lower position that
      // commits later is exactly one not linked yet.
      const { rows } = await client.query<{ behind: string; age_ms: string | null }>(
        `SELECT count(*)::text AS behind, (extract(epoch FROM clock_timestamp() - min(e.recorded_at)) * 1000)::text AS age_ms
           FROM public.keyward_events e WHERE NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.position = e.global_position)`,
      );
      events.push(Number(rows[0]?.behind ?? 0));
      ms.push(rows[0]?.age_ms === null || rows[0]?.age_ms === undefined ? 0 : Number(rows[0].age_ms));
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  try {
    const result = await work();
    running = false;
    // A failed sample is a failed benchmark, never a lag of zero.
    await sampling;
    return { result, lag: summary(events, ms) };
  } finally {
    running = false;
    await sampling.catch(() => undefined);
    await client.end();
  }
};

const summary = (events: readonly number[], ms: readonly number[]): ChainLag => {
  const e = Float64Array.from(events).sort();
  const t = Float64Array.from(ms).sort();
  return { samples: e.length, p50Events: percentile(e, 0.5), maxEvents: e[e.length - 1] ?? 0, p50Ms: percentile(t, 0.5), p99Ms: percentile(t, 0.99), maxMs: t[t.length - 1] ?? 0 };
};
