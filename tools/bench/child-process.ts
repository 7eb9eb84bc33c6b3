import type { ChildProcess } from 'node:child_process';
import { resolvesWithin } from '@keyward/platform';

/** Long enough for a verifier to drain NATS and close its store. */
const GRACE_MS = 10_000;

/** A child that exited on a signal (a Nest service re-raises SIGTERM) has no exit code, only a signal. */
export const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/** Resolves once `child` has exited; at once when it already has (its `exit` event will not come again). */
export const exitOf = (child: ChildProcess): Promise<void> =>
  hasExited(child) ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

/** SIGTERM, and SIGKILL after a grace period: never waits forever on a child. */
export const stopChild = async (child: ChildProcess): Promise<void> => {
  if (hasExited(child)) return;
  const exited = exitOf(child);
  child.kill('SIGTERM');
  if (await resolvesWithin(exited, GRACE_MS)) return;
  child.kill('SIGKILL');
  await exited;
};
