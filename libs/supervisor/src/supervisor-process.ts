import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isRunning, startedWith, terminate } from './process-table';
import { readSupervisorStatus } from './supervisor-status';
import { SUPERVISOR_ENV, type SupervisedUnit } from './supervisor';

// dist/main.js from both src (tests) and dist, like the preload.
const SUPERVISOR_MAIN = path.resolve(__dirname, '..', 'dist', 'main.js');

/** The supervisor stops its units one after another, each bounded; this bounds the whole. */
const STOP_TIMEOUT_MS = 30_000;
const LEFTOVER_STOP_TIMEOUT_MS = 10_000;

export const supervisorPidFile = (dataDir: string): string => path.join(dataDir, 'run', 'supervisor.pid');

/** Given to the supervisor of a data folder: it tells that supervisor from a process that reused its pid. */
const SUPERVISOR_DATA_DIR_ENV = 'KEYWARD_SUPERVISOR_DATA_DIR';

/** Whether `pid` runs and is the supervisor of `dataDir`, not a process that reused its pid; without /proc a running pid is trusted. */
const isSupervisorOf = (pid: number, dataDir: string): boolean => isRunning(pid) && startedWith(pid, `${SUPERVISOR_DATA_DIR_ENV}=${path.resolve(dataDir)}`) !== false;

/**
 * The pid of the supervisor of `dataDir` while it runs. A stale pid file counts as none, and so
 * does one whose pid now belongs to another process: `npm stop` must not signal it, nor
 * `npm start` take it for a running Keyward.
 */
export const runningSupervisorPid = (dataDir: string): number | undefined => {
  const file = supervisorPidFile(dataDir);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isSupervisorOf(pid, dataDir) ? pid : undefined;
};

export interface StartSupervisorOptions {
  readonly dataDir: string;
  readonly units: readonly SupervisedUnit[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

/**
 * Starts a detached supervisor of `units` (it outlives the caller, as `npm start` needs), its
 * own log in `<data>/logs/supervisor.log`, its pid in `<data>/run/supervisor.pid`. Services
 * left over by a supervisor that was killed are stopped first. Returns the supervisor's pid.
 */
export const startSupervisor = async (options: StartSupervisorOptions): Promise<number> => {
  for (const unit of options.units) if (!existsSync(unit.script)) throw new Error(`${unit.script} is missing: run "npm run build" first`);
  if (!existsSync(SUPERVISOR_MAIN)) throw new Error(`${SUPERVISOR_MAIN} is missing: run "npm run build" first`);
  await stopLeftovers(options.dataDir);
  for (const dir of ['run', 'logs']) mkdirSync(path.join(options.dataDir, dir), { recursive: true });
  const out = openSync(path.join(options.dataDir, 'logs', 'supervisor.log'), 'a');
  const args = [SUPERVISOR_MAIN, '--data-dir', options.dataDir, ...options.units.map((u) => `${u.name}=${u.script}`)];
  const env = { ...options.env, [SUPERVISOR_DATA_DIR_ENV]: path.resolve(options.dataDir) };
  const child = spawn(process.execPath, args, { cwd: options.cwd, env, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  child.unref();
  if (child.pid === undefined) throw new Error('the supervisor could not be started');
  writeFileSync(supervisorPidFile(options.dataDir), String(child.pid));
  return child.pid;
};

/**
 * Services of an earlier supervisor of `dataDir` that still run. Normally none: each service
 * ends itself when its supervisor's channel closes (exit-with-supervisor.ts); this catches one
 * still shutting down, or one that hangs. Pids are reused, so a pid counts only while its
 * environment names that supervisor.
 */
const leftovers = (dataDir: string): number[] => {
  const status = readSupervisorStatus(dataDir);
  if (!status || isSupervisorOf(status.pid, dataDir)) return [];
  const mark = `${SUPERVISOR_ENV}=${status.pid}`;
  return Object.values(status.units)
    .map((unit) => unit.pid)
    .filter((pid): pid is number => pid !== null && isRunning(pid) && startedWith(pid, mark) === true);
};

const stopLeftovers = async (dataDir: string): Promise<number> => {
  const pids = leftovers(dataDir);
  await Promise.all(pids.map((pid) => terminate(pid, LEFTOVER_STOP_TIMEOUT_MS)));
  return pids.length;
};

/**
 * `npm stop`: SIGTERM to the supervisor, which stops every service and restarts none (SIGKILL
 * after a bound), then any service left over. Returns whether anything was running.
 */
export const stopSupervisor = async (dataDir: string): Promise<boolean> => {
  const pid = runningSupervisorPid(dataDir);
  if (pid !== undefined) await terminate(pid, STOP_TIMEOUT_MS);
  const left = await stopLeftovers(dataDir);
  rmSync(supervisorPidFile(dataDir), { force: true });
  return pid !== undefined || left > 0;
};
