import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRunning } from './process-table';
import type { RestartPolicy } from './restart-policy';
import { Supervisor } from './supervisor';
import type { SupervisorLogEntry } from './supervisor-log';
import { readSupervisorStatus } from './supervisor-status';
import { runningSupervisorPid, startSupervisor, stopSupervisor, supervisorPidFile } from './supervisor-process';

jest.setTimeout(30_000);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` holds; fails the test after `timeoutMs`. */
const eventually = async (check: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms`);
    await sleep(25);
  }
};

const fixture = (dir: string, name: string, source: string): string => {
  const file = path.join(dir, `${name}.js`);
  writeFileSync(file, source);
  return file;
};

const policy: RestartPolicy = { initialDelayMs: 20, maxDelayMs: 200, stableAfterMs: 60_000, crashLoopExits: 4, crashLoopWindowMs: 60_000 };

describe('Supervisor (real child processes)', () => {
  let dataDir: string;
  const entries: SupervisorLogEntry[] = [];
  const log = (entry: SupervisorLogEntry): void => void entries.push(entry);

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'keyward-supervisor-'));
    entries.length = 0;
  });

  it('restarts a unit that keeps exiting with growing delays, reports the crash loop, and keeps trying', async () => {
    const script = fixture(dataDir, 'crashing', `console.log('starting, restart ' + process.env.KEYWARD_SUPERVISOR_RESTARTS); process.exit(3);`);
    const supervisor = new Supervisor({ dataDir, units: [{ name: 'crashing', script }], env: process.env, log, policy });
    supervisor.start();
    try {
      await eventually(() => (readSupervisorStatus(dataDir)?.units.crashing.restarts ?? 0) >= 6);
    } finally {
      await supervisor.stop();
    }
    const exits = entries.filter((e) => e.level === 'warn');
    expect(exits.slice(0, 6).map((e) => [e.exitCode, e.nextDelayMs])).toEqual([
      [3, 20],
      [3, 40],
      [3, 80],
      [3, 200],
      [3, 200],
      [3, 200],
    ]);
    expect(entries.filter((e) => e.level === 'error').map((e) => e.msg)).toEqual([
      'crash loop: crashing exited 4 times within 60 s; still restarting it every 200 ms (see its log)',
    ]);
    const status = readSupervisorStatus(dataDir);
    expect(status?.units.crashing).toMatchObject({ crashLoop: true, state: 'stopped', pid: null, lastExit: expect.objectContaining({ code: 3 }) });
    expect(status?.stopping).toBe(true);
  });

  it('stop ends every unit, SIGKILL for one that ignores SIGTERM, and restarts none', async () => {
    const stubborn = fixture(dataDir, 'stubborn', `process.on('SIGTERM', () => console.log('ignored')); console.log('ready'); setInterval(() => undefined, 1000);`);
    const calm = fixture(dataDir, 'calm', `setInterval(() => undefined, 1000);`);
    const supervisor = new Supervisor({ dataDir, units: [{ name: 'calm', script: calm }, { name: 'stubborn', script: stubborn }], env: process.env, log, policy, stopTimeoutMs: 500 });
    supervisor.start();
    const running = supervisor.status().units;
    const pids = [running.calm.pid, running.stubborn.pid];
    expect(pids.every((pid) => pid !== null && isRunning(pid))).toBe(true);
    // Its log says when the stubborn one has installed its handler.
    await eventually(() => existsSync(path.join(dataDir, 'logs', 'stubborn.log')) && readFileSync(path.join(dataDir, 'logs', 'stubborn.log'), 'utf8').includes('ready'));
    await supervisor.stop();
    expect(pids.filter((pid) => pid !== null && isRunning(pid))).toEqual([]);
    await sleep(2 * policy.initialDelayMs);
    const after = readSupervisorStatus(dataDir)?.units;
    expect([after?.calm, after?.stubborn].map((u) => [u?.state, u?.restarts])).toEqual([
      ['stopped', 0],
      ['stopped', 0],
    ]);
    expect(after?.stubborn.lastExit?.signal).toBe('SIGKILL');
  });

  it('keeps restarting when a unit\'s log and the status file can no longer be written, and says so', async () => {
    const script = fixture(dataDir, 'crashing', `process.exit(3);`);
    const supervisor = new Supervisor({ dataDir, units: [{ name: 'crashing', script }], env: process.env, log, policy });
    supervisor.start();
    try {
      await eventually(() => supervisor.status().units.crashing.restarts >= 1);
      // Both folders become files: every later open and write fails, as on a full disk or a lost permission.
      for (const dir of ['logs', 'run']) {
        rmSync(path.join(dataDir, dir), { recursive: true, force: true });
        writeFileSync(path.join(dataDir, dir), 'not a folder');
      }
      const before = supervisor.status().units.crashing.restarts;
      await eventually(() => supervisor.status().units.crashing.restarts >= before + 3);
    } finally {
      await supervisor.stop();
    }
    const errors = entries.filter((e) => e.level === 'error').map((e) => e.msg);
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^cannot open .*crashing\.log .*; crashing runs without a log this time$/), expect.stringMatching(/^cannot write the status file .*; still supervising$/)]));
  });
});

describe('a supervisor process', () => {
  /** A service that takes `shutdownMs` to stop on SIGTERM, run by a supervisor process; its pids. */
  const supervise = async (shutdownMs: number): Promise<{ dataDir: string; pid: number; children: number[] }> => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'keyward-supervisor-'));
    const script = fixture(dataDir, 'service', `process.on('SIGTERM', () => setTimeout(() => process.exit(0), ${shutdownMs})); setInterval(() => undefined, 1000);`);
    const pid = await startSupervisor({ dataDir, units: [{ name: 'a', script }, { name: 'b', script }], env: process.env });
    await eventually(() => Object.values(readSupervisorStatus(dataDir)?.units ?? {}).filter((u) => u.pid !== null).length === 2);
    expect(readSupervisorStatus(dataDir)?.pid).toBe(pid);
    expect(runningSupervisorPid(dataDir)).toBe(pid);
    return { dataDir, pid, children: Object.values(readSupervisorStatus(dataDir)?.units ?? {}).map((u) => u.pid as number) };
  };

  it('killed with SIGKILL takes its services with it', async () => {
    const { dataDir, pid, children } = await supervise(100);
    process.kill(pid, 'SIGKILL');
    await eventually(() => children.every((child) => !isRunning(child)));
    expect(runningSupervisorPid(dataDir)).toBeUndefined();
    expect(await stopSupervisor(dataDir)).toBe(false);
  });

  it('killed with SIGKILL: stopSupervisor (npm stop, npm start) stops services still shutting down, and only those', async () => {
    const { dataDir, pid, children } = await supervise(1_500);
    process.kill(pid, 'SIGKILL');
    await eventually(() => !isRunning(pid));
    expect(children.filter(isRunning)).toEqual(children);
    expect(await stopSupervisor(dataDir)).toBe(true);
    expect(children.filter(isRunning)).toEqual([]);
  });

  it('takes a pid file whose pid another process reused for no supervisor: stop leaves that process alone', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'keyward-supervisor-'));
    const other = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 1000)'], { stdio: 'ignore' });
    try {
      const pid = other.pid as number;
      await eventually(() => isRunning(pid));
      const file = supervisorPidFile(dataDir);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, String(pid));
      expect(runningSupervisorPid(dataDir)).toBeUndefined();
      expect(await stopSupervisor(dataDir)).toBe(false);
      expect(isRunning(pid)).toBe(true);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('keeps supervising when its own log cannot be written (a full disk), nor its units\' logs and status file', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'keyward-supervisor-'));
    const runs = path.join(dataDir, 'runs');
    const script = fixture(dataDir, 'crashing', `require('node:fs').appendFileSync(${JSON.stringify(runs)}, 'x'); process.exit(3);`);
    for (const dir of ['logs', 'run']) writeFileSync(path.join(dataDir, dir), 'not a folder');
    const full = openSync('/dev/full', 'w');
    const main = path.resolve(__dirname, '..', 'dist', 'main.js');
    const supervisor = spawn(process.execPath, [main, '--data-dir', dataDir, `crashing=${script}`], { stdio: ['ignore', full, full] });
    closeSync(full);
    try {
      const count = (): number => (existsSync(runs) ? readFileSync(runs, 'utf8').length : 0);
      const exited = (): boolean => supervisor.exitCode !== null || supervisor.signalCode !== null;
      await eventually(() => count() >= 4 || exited());
      expect(exited()).toBe(false);
      expect(count()).toBeGreaterThanOrEqual(4);
    } finally {
      supervisor.kill('SIGTERM');
    }
    const [code] = (await once(supervisor, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('stopSupervisor stops the supervisor and its services and leaves no process', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'keyward-supervisor-'));
    const script = fixture(dataDir, 'service', `setInterval(() => undefined, 1000);`);
    const pid = await startSupervisor({ dataDir, units: [{ name: 'a', script }], env: process.env });
    await eventually(() => readSupervisorStatus(dataDir)?.units.a?.pid != null);
    const child = readSupervisorStatus(dataDir)?.units.a.pid as number;
    expect(await stopSupervisor(dataDir)).toBe(true);
    expect([pid, child].filter(isRunning)).toEqual([]);
    expect(readSupervisorStatus(dataDir)?.units.a).toMatchObject({ state: 'stopped', restarts: 0 });
  });
});
