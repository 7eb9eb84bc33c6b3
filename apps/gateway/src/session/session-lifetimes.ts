import { DEFAULT_SESSION_LIFETIMES, type SessionLifetimes } from '@keyward/sessions';

const seconds = (env: NodeJS.ProcessEnv, name: string, fallbackMs: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallbackMs;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a whole number of seconds above 0`);
  return value * 1_000;
};

/**
 * `KEYWARD_SESSION_IDLE_SECONDS` (default 12 hours) and `KEYWARD_SESSION_MAX_SECONDS` (default 7
 * days): the end-to-end tests shorten the idle time to see a session end.
 */
export const sessionLifetimesOf = (env: NodeJS.ProcessEnv): SessionLifetimes => ({
  idleMs: seconds(env, 'KEYWARD_SESSION_IDLE_SECONDS', DEFAULT_SESSION_LIFETIMES.idleMs),
  maxMs: seconds(env, 'KEYWARD_SESSION_MAX_SECONDS', DEFAULT_SESSION_LIFETIMES.maxMs),
});
