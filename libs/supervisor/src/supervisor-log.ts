export interface SupervisorLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly msg: string;
  readonly unit?: string;
  readonly [field: string]: unknown;
}

export type SupervisorLog = (entry: SupervisorLogEntry) => void;

/** One JSON object per line, like the services' logs: a person reads `msg`, a tool the fields. */
export const jsonLineLog =
  (write: (line: string) => void): SupervisorLog =>
  (entry) =>
    write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
