import { Presets, SingleBar } from 'cli-progress';
import type { ReplayProgress } from '@keyward/read-models';

/** How often a plain line is written when stderr is not a terminal (a log, a CI job). */
const PLAIN_EVERY_MS = 2_000;

export interface ProgressView {
  update(progress: ReplayProgress): void;
  stop(): void;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** A bar with events per second on a terminal; otherwise a plain line every few seconds. Always on stderr: stdout is the result's. */
export const replayProgressView = (stream: NodeJS.WriteStream = process.stderr): ProgressView => {
  if (!stream.isTTY) {
    let last = 0;
    let stage: ReplayProgress['stage'] | undefined;
    return {
      update: (p) => {
        const now = Date.now();
        if (p.stage === stage && now - last < PLAIN_EVERY_MS) return;
        last = now;
        stage = p.stage;
        stream.write(`replay: ${p.stage} ${count(p.applied)}${p.total === undefined ? '' : ` of ${count(p.total)}`} events, ${count(p.eventsPerSecond)} events/s\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar(
    { stream, format: 'replay [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | {stage}', hideCursor: true, clearOnComplete: false },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      // An unknown total (a store that cannot count) grows with what was read.
      const total = Math.max(p.total ?? p.applied, p.applied, 1);
      const payload = { rate: count(p.eventsPerSecond), stage: p.stage };
      if (!started) bar.start(total, p.applied, payload);
      started = true;
      bar.setTotal(total);
      bar.update(p.applied, payload);
    },
    stop: () => bar.stop(),
  };
};
