import { readFileSync, unwatchFile, watchFile } from 'node:fs';

/**
 * Business time: expiry, rate-limit windows, credit refills. Never for freshness, heartbeats or
 * budgets, which always use the real clock. A class, so that Nest injects it by its own name.
 */
export abstract class BusinessClock {
  abstract now(): number;
}

/** Names a file holding an integer: milliseconds added to the real time (end-to-end tests move time with it). */
export const TEST_CLOCK_FILE_VARIABLE = 'KEYWARD_TEST_CLOCK_FILE';
/** How often the file is looked at: a test that writes it waits at least this long (and a little more) before relying on it. */
export const TEST_CLOCK_POLL_MS = 50;

const OFFSET = /^-?\d{1,15}$/;

class SystemClock extends BusinessClock {
  now(): number {
    return Date.now();
  }
}

/** The real time plus the file's offset, read again whenever the file changes; unreadable or half-written: the last offset read. */
class TestClock extends BusinessClock {
  private offset = 0;
  private readonly reread = (): void => {
    try {
      const text = readFileSync(this.file, 'utf8').trim();
      if (OFFSET.test(text)) this.offset = Number(text);
    } catch {
      // Not there (yet): the offset stays.
    }
  };

  constructor(private readonly file: string) {
    super();
    this.reread();
    // Not persistent: the clock never keeps a process alive.
    watchFile(file, { interval: TEST_CLOCK_POLL_MS, persistent: false }, this.reread);
    // The watcher takes its first look asynchronously: a file written before then is not a change to it.
    setTimeout(this.reread, TEST_CLOCK_POLL_MS * 2).unref();
  }

  now(): number {
    return Date.now() + this.offset;
  }

  stop(): void {
    unwatchFile(this.file, this.reread);
  }
}

/** The real clock, or with `KEYWARD_TEST_CLOCK_FILE` set the test clock over that file. */
export const businessClockFrom = (env: NodeJS.ProcessEnv): BusinessClock & { stop?(): void } => {
  const file = env[TEST_CLOCK_FILE_VARIABLE];
  return file ? new TestClock(file) : new SystemClock();
};
