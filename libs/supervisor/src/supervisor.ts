import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { SUPERVISOR_RESTARTS_ENV } from '@keyward/config';
import type { SupervisorLog } from './supervisor-log';
import { writeSupervisorStatus, type SupervisorStatus, type UnitExit, type UnitStatus } from './supervisor-status';
import { decideRestart, DEFAULT_RESTART_POLICY, NO_RESTART_HISTORY, type RestartHistory, type RestartPolicy } from './restart-policy';

/** A Node.js script run as one process; `name` is unique (`verifier`, `verifier-2`) and names its log. */
export interface SupervisedUnit {
  readonly name: string;
  readonly script: string;
}

export interface SupervisorOptions {
  readonly dataDir: string;
  readonly units: readonly SupervisedUnit[];
  readonly env: NodeJS.ProcessEnv;
  readonly log: SupervisorLog;
  readonly cwd?: string;
  readonly policy?: RestartPolicy;
  /** SIGTERM, then SIGKILL after this long. */
  readonly stopTimeoutMs?: number;
}

/** The supervisor's pid, given to each unit: it tells a leftover service from a process that reused its pid. */
export const SUPERVISOR_ENV = 'KEYWARD_SUPERVISOR_PID';

// Resolved against dist from both src (tests) and dist: node cannot preload TypeScript.
const EXIT_WITH_SUPERVISOR = path.resolve(__dirname, '..', 'dist', 'exit-with-supervisor.js');

interface Unit {
  readonly spec: SupervisedUnit;
  child?: ChildProcess;
  startedAt: number;
  history: RestartHistory;
  restarts: number;
  restartTimer?: NodeJS.Timeout;
  stableTimer?: NodeJS.Timeout;
  lastExit: UnitExit | null;
  nextRestartInMs: number | null;
  crashLoop: boolean;
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const describeExit = (code: number | null, signal: NodeJS.Signals | null): string => (signal ? `signal ${signal}` : `code ${code}`);

/**
 * Runs each unit as a child process with its output appended to `<data>/logs/<name>.log`,
 * restarts one that exits (backoff and crash-loop report: restart-policy.ts), and keeps
 * `<data>/run/supervisor.json` current. `stop` ends every unit and restarts none.
 */
export class Supervisor {
  private readonly units: Unit[];
  private readonly policy: RestartPolicy;
  private readonly startedAt = new Date().toISOString();
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {
    this.policy = options.policy ?? DEFAULT_RESTART_POLICY;
    this.units = options.units.map((spec) => ({ spec, startedAt: 0, history: NO_RESTART_HISTORY, restarts: 0, lastExit: null, nextRestartInMs: null, crashLoop: false }));
  }

  start(): void {
    for (const unit of this.units) this.launch(unit);
    this.options.log({ level: 'info', msg: `supervising ${this.units.map((u) => u.spec.name).join(', ')}`, pid: process.pid });
    this.writeStatus();
  }

  /** Stops the units in reverse order (the gateway, started last, first), each bounded by the stop timeout. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const unit of this.units) {
      clearTimeout(unit.restartTimer);
      clearTimeout(unit.stableTimer);
      unit.nextRestartInMs = null;
    }
    this.writeStatus();
    for (const unit of [...this.units].reverse()) await this.stopUnit(unit);
    this.writeStatus();
  }

  status(): SupervisorStatus {
    const units: Record<string, UnitStatus> = {};
    for (const unit of this.units) {
      units[unit.spec.name] = {
        script: unit.spec.script,
        state: unit.child ? 'running' : unit.restartTimer && !this.stopping ? 'waiting' : 'stopped',
        pid: unit.child?.pid ?? null,
        startedAt: unit.child ? new Date(unit.startedAt).toISOString() : null,
        restarts: unit.restarts,
        lastExit: unit.lastExit,
        nextRestartInMs: unit.nextRestartInMs,
        crashLoop: unit.crashLoop,
      };
    }
    return { pid: process.pid, startedAt: this.startedAt, updatedAt: new Date().toISOString(), stopping: this.stopping, units };
  }

  private launch(unit: Unit): void {
    unit.restartTimer = undefined;
    unit.nextRestartInMs = null;
    const out = this.openLog(unit);
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, ['--require', EXIT_WITH_SUPERVISOR, unit.spec.script], {
        cwd: this.options.cwd,
        env: { ...this.options.env, [SUPERVISOR_RESTARTS_ENV]: String(unit.restarts), [SUPERVISOR_ENV]: String(process.pid) },
        stdio: ['ignore', out, out, 'ipc'],
      });
    } finally {
      // The child holds its own copy of the descriptor.
      if (out !== 'ignore') closeSync(out);
    }
    unit.child = child;
    unit.startedAt = Date.now();
    child.once('exit', (code, signal) => this.exited(unit, child, code, signal));
    child.on('error', (error) => {
      this.options.log({ level: 'error', unit: unit.spec.name, msg: `${unit.spec.name}: ${error.message}` });
      // Only a process that could not be spawned at all has no pid and never emits 'exit'.
      if (child.pid === undefined) this.exited(unit, child, null, null);
    });
    unit.stableTimer = setTimeout(() => this.stayedUp(unit), this.policy.stableAfterMs);
  }

  /**
   * The unit's log, opened for appending. A file error (a full disk, a lost permission) must not
   * stop the supervisor, which would take every service with it: this run goes without a log.
   */
  private openLog(unit: Unit): number | 'ignore' {
    const file = path.join(this.options.dataDir, 'logs', `${unit.spec.name}.log`);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      return openSync(file, 'a');
    } catch (error) {
      this.options.log({ level: 'error', unit: unit.spec.name, msg: `cannot open ${file} (${describeError(error)}); ${unit.spec.name} runs without a log this time` });
      return 'ignore';
    }
  }

  private stayedUp(unit: Unit): void {
    if (!unit.crashLoop) return;
    unit.crashLoop = false;
    this.options.log({ level: 'info', unit: unit.spec.name, msg: `${unit.spec.name} has stayed up ${this.policy.stableAfterMs / 1000} s: no longer in a crash loop` });
    this.writeStatus();
  }

  private exited(unit: Unit, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (unit.child !== child) return;
    unit.child = undefined;
    clearTimeout(unit.stableTimer);
    const exitedAt = Date.now();
    const uptimeMs = exitedAt - unit.startedAt;
    unit.lastExit = { code, signal, at: new Date(exitedAt).toISOString(), uptimeMs };
    if (this.stopping) {
      this.options.log({ level: 'info', unit: unit.spec.name, exitCode: code, signal, msg: `${unit.spec.name} stopped (${describeExit(code, signal)})` });
      this.writeStatus();
      return;
    }
    const decision = decideRestart(unit.history, { startedAt: unit.startedAt, exitedAt }, this.policy);
    const enteredCrashLoop = decision.crashLoop && !unit.crashLoop;
    unit.history = decision.history;
    unit.crashLoop = decision.crashLoop;
    unit.restarts += 1;
    unit.nextRestartInMs = decision.delayMs;
    const name = unit.spec.name;
    this.options.log({
      level: 'warn',
      unit: name,
      exitCode: code,
      signal,
      uptimeMs,
      restarts: unit.restarts,
      nextDelayMs: decision.delayMs,
      crashLoop: decision.crashLoop,
      msg: `${name} exited (${describeExit(code, signal)}) after ${uptimeMs} ms; restart ${unit.restarts} in ${decision.delayMs} ms`,
    });
    if (enteredCrashLoop) {
      const window = this.policy.crashLoopWindowMs / 1000;
      this.options.log({
        level: 'error',
        unit: name,
        restarts: unit.restarts,
        msg: `crash loop: ${name} exited ${decision.history.recentExits.length} times within ${window} s; still restarting it every ${decision.delayMs} ms (see its log)`,
      });
    }
    unit.restartTimer = setTimeout(() => {
      this.launch(unit);
      this.writeStatus();
    }, decision.delayMs);
    this.writeStatus();
  }

  private async stopUnit(unit: Unit): Promise<void> {
    const child = unit.child;
    if (!child) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), this.options.stopTimeoutMs ?? 5_000);
    await exited;
    clearTimeout(force);
  }

  /** Like a log file, a status file that cannot be written is reported and supervision goes on. */
  private writeStatus(): void {
    try {
      writeSupervisorStatus(this.options.dataDir, this.status());
    } catch (error) {
      this.options.log({ level: 'error', msg: `cannot write the status file (${describeError(error)}); still supervising` });
    }
  }
}
