import type { NatsConnection } from 'nats';
import { Subjects } from '@keyward/contracts';
import { ECHO_SUBJECT } from './echo-responder';
import { runLoad, summarize, type LoadResult, type LoadSample } from './load';
import { median } from './median';

export interface Comparison {
  readonly inFlight: number;
  readonly echo: readonly LoadResult[];
  readonly verify: readonly LoadResult[];
}

/** What one side of a comparison sends: verify requests, or the same payloads to the bare echo. */
export interface LoadSide {
  readonly subject: string;
  readonly payloads: readonly Uint8Array[];
}

const WARM_UP_SECONDS = 1;
/**
 * Each repetition is cut into slices, echo and verify taking turns (and turns about which goes
 * first), so that load from anything else on the machine, which comes and goes over seconds, falls
 * on both alike and each repetition's ratio compares like with like.
 */
const SLICES = 10;

/** Verify against the bare echo at one load: `repetitions` results each, of `seconds` each. */
export const compareWithEcho = (nats: NatsConnection, payloads: readonly Uint8Array[], inFlight: number, seconds: number, repetitions: number): Promise<Comparison> =>
  compareSides(nats, { subject: ECHO_SUBJECT, payloads }, { subject: Subjects.verify, payloads }, inFlight, seconds, repetitions);

/** Two loads taking turns (`echo` is the reference side, `verify` the measured one). */
export const compareSides = async (nats: NatsConnection, reference: LoadSide, measured: LoadSide, inFlight: number, seconds: number, repetitions: number): Promise<Comparison> => {
  await runLoad(nats, reference.subject, reference.payloads, inFlight, WARM_UP_SECONDS);
  await runLoad(nats, measured.subject, measured.payloads, inFlight, WARM_UP_SECONDS);
  const echo: LoadResult[] = [];
  const verify: LoadResult[] = [];
  for (let i = 0; i < repetitions; i++) {
    const slices = { echo: [] as LoadSample[], verify: [] as LoadSample[] };
    for (let slice = 0; slice < SLICES; slice++) {
      const order = slice % 2 === 0 ? (['echo', 'verify'] as const) : (['verify', 'echo'] as const);
      for (const which of order) {
        const side = which === 'echo' ? reference : measured;
        slices[which].push(await runLoad(nats, side.subject, side.payloads, inFlight, seconds / SLICES));
      }
    }
    echo.push(summarize(slices.echo));
    verify.push(summarize(slices.verify));
  }
  return { inFlight, echo, verify };
};

const ms = (value: number): string => `${value.toFixed(3)} ms`;
const of = (results: readonly LoadResult[], pick: (r: LoadResult) => number): number => median(results.map(pick));

/** One run's lines: each repetition's ratio, then medians of throughput, latency and the ratios. */
export const describeComparison = ({ inFlight, echo, verify }: Comparison, echoLabel: string, verifyLabel = 'verify'): string => {
  const ratios = verify.map((v, i) => v.perSecond / echo[i].perSecond);
  const p99Ratios = verify.map((v, i) => v.p99Ms / echo[i].p99Ms);
  const row = (label: string, results: readonly LoadResult[]): string =>
    `  ${label.padEnd(14)} ${of(results, (r) => r.perSecond).toFixed(0).padStart(8)} req/s   p50 ${ms(of(results, (r) => r.p50Ms)).padStart(10)}   p99 ${ms(of(results, (r) => r.p99Ms)).padStart(10)}`;
  return [
    `in flight: ${inFlight} (medians of ${verify.length})`,
    row(echoLabel, echo),
    row(verifyLabel, verify),
    `  ${verifyLabel} / ${echoLabel} throughput: ${median(ratios).toFixed(2)}   (each: ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
    `  ${verifyLabel} / ${echoLabel} p99:        ${median(p99Ratios).toFixed(2)}   (each: ${p99Ratios.map((r) => r.toFixed(2)).join(', ')})`,
  ].join('\n');
};
