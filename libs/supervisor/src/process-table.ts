import { existsSync, readFileSync } from 'node:fs';

/**
 * Whether `pid` runs. A zombie (exited, not yet reaped: PID 1 of a container may never reap)
 * counts as gone; /proc tells them apart where it exists.
 */
export const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  try {
    return readFileSync(stat, 'utf8').split(') ').at(-1)?.startsWith('Z') !== true;
  } catch {
    return false;
  }
};

/**
 * The environment `pid` was started with, where /proc exists (its command line is no use:
 * setting process.title overwrites it). A pid can be reused, so it is checked before a kill.
 */
export const startEnvironment = (pid: number): string[] | undefined => {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  } catch {
    return undefined;
  }
};

/**
 * Whether `pid` was started with `mark` ("NAME=value") in its environment: a pid read from a file
 * may since have been reused by another program. Keyward's own processes are readable in /proc,
 * so one that is not is someone else's. `undefined` where there is no /proc (macOS): it cannot be told.
 */
export const startedWith = (pid: number, mark: string): boolean | undefined => {
  const environment = startEnvironment(pid);
  if (environment) return environment.includes(mark);
  return existsSync('/proc') ? false : undefined;
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM, then SIGKILL if it still runs after `timeoutMs`. Resolves when it is gone. */
export const terminate = async (pid: number, timeoutMs: number): Promise<void> => {
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid) && Date.now() < deadline) await sleep(100);
  if (!isRunning(pid)) return;
  signal('SIGKILL');
  for (let i = 0; i < 50 && isRunning(pid); i++) await sleep(100);
};
