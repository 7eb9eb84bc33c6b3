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
