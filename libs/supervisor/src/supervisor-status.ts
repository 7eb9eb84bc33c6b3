import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface UnitExit {
  readonly code: number | null;
  readonly signal: string | null;
  readonly at: string;
  readonly uptimeMs: number;
}

export interface UnitStatus {
  readonly script: string;
  /** `waiting`: exited, restart scheduled in `nextRestartInMs`. */
  readonly state: 'running' | 'waiting' | 'stopped';
  readonly pid: number | null;
  readonly startedAt: string | null;
  readonly restarts: number;
  readonly lastExit: UnitExit | null;
  readonly nextRestartInMs: number | null;
  readonly crashLoop: boolean;
}

/** `<data>/run/supervisor.json`: what `npm start`, a person or a test reads to see what runs and how often it restarted. */
export interface SupervisorStatus {
  readonly pid: number;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly stopping: boolean;
  readonly units: Readonly<Record<string, UnitStatus>>;
}

export const supervisorStatusFile = (dataDir: string): string => path.join(dataDir, 'run', 'supervisor.json');

/** Written to a temporary file and renamed into place, so a reader never sees half of it. */
export const writeSupervisorStatus = (dataDir: string, status: SupervisorStatus): void => {
  const file = supervisorStatusFile(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(status, null, 2)}\n`);
  renameSync(temporary, file);
};

const isStatus = (value: unknown): value is SupervisorStatus =>
  typeof value === 'object' && value !== null && typeof (value as SupervisorStatus).pid === 'number' && typeof (value as SupervisorStatus).units === 'object';

/** The last status a supervisor wrote under `dataDir`, if any (it may describe one that is gone). */
export const readSupervisorStatus = (dataDir: string): SupervisorStatus | undefined => {
  const file = supervisorStatusFile(dataDir);
  if (!existsSync(file)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return isStatus(parsed) ? parsed : undefined;
};
