import { readFileSync } from 'node:fs';

/** CPU time (user + system) a process has used so far, in milliseconds, from /proc; undefined once it has exited. */
const cpuMs = (pid: number): number | undefined => {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/** Each readable process's CPU milliseconds so far, by pid. */
export type CpuReading = ReadonlyMap<number, number>;

export const readCpu = (pids: readonly number[]): CpuReading => {
  const reading = new Map<number, number>();
  for (const pid of pids) {
    const ms = cpuMs(pid);
    if (ms !== undefined) reading.set(pid, ms);
  }
  return reading;
};

/**
 * CPU milliseconds the processes of `after` used since `before`, per process: one that started in
 * between counts all it used; one that exited in between is not in `after` and counts nothing (its
 * last part is lost, never its whole life subtracted).
 */
export const cpuMsBetween = (before: CpuReading, after: CpuReading): number => {
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms;
};
