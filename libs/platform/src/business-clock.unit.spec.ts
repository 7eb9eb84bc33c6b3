import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { businessClockFrom, TEST_CLOCK_POLL_MS } from './business-clock';

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, TEST_CLOCK_POLL_MS * 4));

describe('the business clock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'keyward-clock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is the real time without KEYWARD_TEST_CLOCK_FILE', () => {
    const clock = businessClockFrom({});
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50);
  });

  it("adds the file's offset, and follows the file when it changes; a bad or missing file keeps the last offset", async () => {
    const file = path.join(dir, 'clock');
    const clock = businessClockFrom({ KEYWARD_TEST_CLOCK_FILE: file });
    try {
      expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50);
      writeFileSync(file, '86400000\n');
      await settle();
      expect(clock.now() - Date.now()).toBeGreaterThan(86_400_000 - 50);
      writeFileSync(file, 'soon');
      await settle();
      expect(clock.now() - Date.now()).toBeGreaterThan(86_400_000 - 50);
      writeFileSync(file, '-3600000');
      await settle();
      expect(Math.abs(clock.now() - Date.now() + 3_600_000)).toBeLessThan(50);
      rmSync(file);
      await settle();
      expect(Math.abs(clock.now() - Date.now() + 3_600_000)).toBeLessThan(50);
    } finally {
      clock.stop?.();
    }
  });

  it('reads a file already there at start', () => {
    const file = path.join(dir, 'clock');
    writeFileSync(file, '60000');
    const clock = businessClockFrom({ KEYWARD_TEST_CLOCK_FILE: file });
    clock.stop?.();
    expect(clock.now() - Date.now()).toBeGreaterThan(60_000 - 50);
  });
});
