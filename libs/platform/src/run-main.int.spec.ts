import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The built library, as a service's main.js loads it (`npm test` builds first). */
const PLATFORM = path.join(__dirname, '../dist/index.js');

/** Runs a tiny service through `runMain` in a process of its own; answers its exit code and output. */
const runService = (body: string) => {
  const script = `require(${JSON.stringify(PLATFORM)}).runMain('probe', async (logger) => { ${body} });`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
  const lines = `${result.stdout}${result.stderr}`.split('\n').filter(Boolean);
  return { status: result.status, lines };
};

describe('runMain', () => {
  it('logs through the service logger as JSON lines named after the service', () => {
    const { status, lines } = runService("logger.log('hello', 'Probe');");
    expect(status).toBe(0);
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([expect.objectContaining({ level: 'info', service: 'probe', context: 'Probe', msg: 'hello' })]);
  });

  it('ends a failed start with one JSON line giving the reason, and exit code 1', () => {
    const { status, lines } = runService("throw new Error('NATS is not reachable');");
    expect(status).toBe(1);
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([expect.objectContaining({ level: 'error', service: 'probe', msg: 'could not start: NATS is not reachable' })]);
  });

  it('logs an uncaught exception as one JSON line without its stack, then exits 1 as Node would', () => {
    const { status, lines } = runService("setImmediate(() => { throw new TypeError('boom'); });");
    expect(status).toBe(1);
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      expect.objectContaining({ level: 'fatal', service: 'probe', msg: 'uncaught exception: exiting', err: { type: 'TypeError', message: 'boom' } }),
    ]);
  });
});
