/**
 * A whole number of milliseconds from 1 to `max`, refused with the variable's name otherwise: a
 * value that is no number (NaN) or 0 would leave a service up but never doing its work.
 */
export const millisecondsFromEnv = (env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number => {
  const raw = env[name];
  // `||`-style: set to "" means unset, as in loadConfig.
  if (raw === undefined || raw === '') return fallback;
  const ms = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(ms >= 1 && ms <= max)) throw new Error(`${name} must be a whole number of milliseconds from 1 to ${max} (default ${fallback})`);
  return ms;
};
