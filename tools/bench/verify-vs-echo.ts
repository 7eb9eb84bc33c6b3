import type { NatsConnection } from 'nats';
import { Subjects } from '@keyward/contracts';
import { ECHO_SUBJECT } from './echo-responder';
import { runLoad, summarize, type LoadResult, type LoadSample } from './load';
import { median } from './median';
import { cpuMsBetween, readCpu, type CpuReading } from './process-cpu';

/** A process whose CPU time a comparison divides by the requests answered: the load generator, nats-server, a responder. */
export interface WatchedProcess {
  readonly label: string;
  readonly pids: readonly number[];
}

/** Microseconds of CPU per request answered, by watched process, over one repetition of one side. */
export type CpuPerRequest = ReadonlyMap<string, number>;

export interface Comparison {
  readonly inFlight: number;
  readonly echo: readonly LoadResult[];
  readonly verify: readonly LoadResult[];
  readonly echoCpu: readonly CpuPerRequest[];
  readonly verifyCpu: readonly CpuPerRequest[];
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
export const compareWithEcho = (nats: NatsConnection, payloads: readonly Uint8Array[], inFlight: number, seconds: number, repetitions: number, watched: readonly WatchedProcess[] = []): Promise<Comparison> =>
  compareSides(nats, { subject: ECHO_SUBJECT, payloads }, { subject: Subjects.verify, payloads }, inFlight, seconds, repetitions, watched);

/**
 * Two loads taking turns (`echo` is the reference side, `verify` the measured one). The CPU time
 * of each `watched` process during each side's slices is divided by that side's requests: where both
 * sides keep the machine equally busy, the ratio of throughputs follows the ratio of these sums.
 */
export const compareSides = async (
  nats: NatsConnection,
  reference: LoadSide,
  measured: LoadSide,
  inFlight: number,
  seconds: number,
  repetitions: number,
  watched: readonly WatchedProcess[] = [],
): Promise<Comparison> => {
  await runLoad(nats, reference.subject, reference.payloads, inFlight, WARM_UP_SECONDS);
  await runLoad(nats, measured.subject, measured.payloads, inFlight, WARM_UP_SECONDS);
  const cpuNow = (): CpuReading[] => watched.map((w) => readCpu(w.pids));
  const results = { echo: [] as LoadResult[], verify: [] as LoadResult[] };
  const cpu = { echo: [] as CpuPerRequest[], verify: [] as CpuPerRequest[] };
  for (let i = 0; i < repetitions; i++) {
    const slices = { echo: [] as LoadSample[], verify: [] as LoadSample[] };
    const cpuMs = { echo: watched.map(() => 0), verify: watched.map(() => 0) };
    for (let slice = 0; slice < SLICES; slice++) {
      const order = slice % 2 === 0 ? (['echo', 'verify'] as const) : (['verify', 'echo'] as const);
      for (const which of order) {
        const side = which === 'echo' ? reference : measured;
        const before = cpuNow();
        slices[which].push(await runLoad(nats, side.subject, side.payloads, inFlight, seconds / SLICES));
        cpuNow().forEach((after, w) => (cpuMs[which][w] += cpuMsBetween(before[w], after)));
      }
    }
    for (const which of ['echo', 'verify'] as const) {
      const result = summarize(slices[which]);
      results[which].push(result);
      cpu[which].push(new Map(watched.map((w, at) => [w.label, (cpuMs[which][at] * 1_000) / result.requests])));
    }
  }
  return { inFlight, echo: results.echo, verify: results.verify, echoCpu: cpu.echo, verifyCpu: cpu.verify };
};

const ms = (value: number): string => `${value.toFixed(3)} ms`;
const of = (results: readonly LoadResult[], pick: (r: LoadResult) => number): number => median(results.map(pick));

/** Medians over the repetitions of each process's CPU per request, and of their sum; empty when nothing was watched. */
const cpuLine = (label: string, perRepetition: readonly CpuPerRequest[]): string[] => {
  const labels = [...(perRepetition[0]?.keys() ?? [])];
  if (!labels.length) return [];
  const us = (pick: (c: CpuPerRequest) => number): string => `${median(perRepetition.map(pick)).toFixed(1)} µs`;
  const parts = labels.map((l) => `${l} ${us((c) => c.get(l) ?? 0)}`);
  return [`  CPU per request, ${label.padEnd(14)} ${parts.join(', ')}; total ${us((c) => [...c.values()].reduce((a, b) => a + b, 0))}`];
};

/** One run's lines: each repetition's ratio, then medians of throughput, latency, the ratios and CPU per request. */
export const describeComparison = ({ inFlight, echo, verify, echoCpu, verifyCpu }: Comparison, echoLabel: string, verifyLabel = 'verify'): string => {
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
    ...cpuLine(echoLabel, echoCpu),
    ...cpuLine(verifyLabel, verifyCpu),
  ].join('\n');
};
