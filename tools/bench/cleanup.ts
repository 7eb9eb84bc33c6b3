import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * What a bench must undo (processes, a database), run once in reverse order however it ends:
 * done, failed or interrupted. A step that fails is reported and the others still run.
 */
export class Cleanup {
  private readonly steps: (() => Promise<void>)[] = [];
  private done: Promise<void> | undefined;

  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  run(): Promise<void> {
    this.done ??= (async () => {
      for (const step of this.steps.reverse()) await step().catch((error: unknown) => console.error(`cleanup: ${error instanceof Error ? error.message : String(error)}`));
    })();
    return this.done;
  }

  /** On Ctrl-C or a stop signal: clean up, then exit as a signalled process does. */
  onSignals(): void {
    for (const signal of SIGNALS)
      process.once(signal, () => {
        console.error(`\n${signal}: stopping`);
        void this.run().finally(() => process.exit(128 + constants.signals[signal]));
      });
  }
}

/** Runs a bench's `main`, then its cleanup however it ended, and exits with its outcome. */
export const runBench = (main: (cleanup: Cleanup) => Promise<void>): void => {
  const cleanup = new Cleanup();
  cleanup.onSignals();
  void main(cleanup)
    .then(
      () => 0,
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        return 1;
      },
    )
    .then(async (code) => {
      await cleanup.run();
      process.exit(code);
    });
};
