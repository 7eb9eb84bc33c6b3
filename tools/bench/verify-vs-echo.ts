import type { NatsConnection } from 'nats';
import { Subjects } from '@keyward/contracts';
import { ECHO_SUBJECT } from './echo-responder';
import { runLoad, type LoadResult } from './load';
import { median } from './median';

export interface Comparison {
  readonly inFlight: number;
  readonly echo: readonly LoadResult[];
  readonly verify: readonly LoadResult[];
}

const WARM_UP_SECONDS = 1;

/**
 * Verify against the bare echo at one load, `repetitions` times, alternating which goes first so
 * that neither always meets a machine the other just warmed or heated.
 */
export const compareWithEcho = async (nats: NatsConnection, payloads: readonly Uint8Array[], inFlight: number, seconds: number, repetitions: number): Promise<Comparison> => {
  await runLoad(nats, ECHO_SUBJECT, payloads, inFlight, WARM_UP_SECONDS);
  await runLoad(nats, Subjects.verify, payloads, inFlight, WARM_UP_SECONDS);
  const echo: LoadResult[] = [];
  const verify: LoadResult[] = [];
  for (let i = 0; i < repetitions; i++) {
    const order = i % 2 === 0 ? (['echo', 'verify'] as const) : (['verify', 'echo'] as const);
    for (const which of order) {
      const result = await runLoad(nats, which === 'echo' ? ECHO_SUBJECT : Subjects.verify, payloads, inFlight, seconds);
      (which === 'echo' ? echo : verify).push(result);
    }
  }
  return { inFlight, echo, verify };
};

const ms = (value: number): string => `${value.toFixed(3)} ms`;
const of = (results: readonly LoadResult[], pick: (r: LoadResult) => number): number => median(results.map(pick));

/** One run's lines: each repetition's ratio, then medians of throughput, latency and the ratios. */
export const describeComparison = ({ inFlight, echo, verify }: Comparison): string => {
  const ratios = verify.map((v, i) => v.perSecond / echo[i].perSecond);
  const p99Ratios = verify.map((v, i) => v.p99Ms / echo[i].p99Ms);
  const row = (label: string, results: readonly LoadResult[]): string =>
    `  ${label.padEnd(7)} ${of(results, (r) => r.perSecond).toFixed(0).padStart(8)} req/s   p50 ${ms(of(results, (r) => r.p50Ms)).padStart(10)}   p99 ${ms(of(results, (r) => r.p99Ms)).padStart(10)}`;
  return [
    `in flight: ${inFlight} (medians of ${verify.length})`,
    row('echo', echo),
    row('verify', verify),
    `  verify / echo throughput: ${median(ratios).toFixed(2)}   (each: ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
    `  verify / echo p99:        ${median(p99Ratios).toFixed(2)}   (each: ${p99Ratios.map((r) => r.toFixed(2)).join(', ')})`,
  ].join('\n');
};
