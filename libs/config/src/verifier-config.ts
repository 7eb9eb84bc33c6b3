/** What only a verifier reads from the environment (product.md section 5). */
export interface VerifierConfig {
  /** `KEYWARD_VERIFIER_STALE_MS`: how long a verifier may go without reaching the head of the history before it stops answering. */
  readonly staleAfterMs: number;
}

export const DEFAULT_STALE_AFTER_MS = 2_000;
/** A day: anything longer is no freshness bound at all. */
const MAX_STALE_AFTER_MS = 86_400_000;

/**
 * Read once, at start, and refused with the variable's name when it is not a bound: a value that
 * is no number (NaN) or 0 would leave the verifier up but never serving.
 */
export const loadVerifierConfig = (env: NodeJS.ProcessEnv = process.env): VerifierConfig => {
  const raw = env.KEYWARD_VERIFIER_STALE_MS;
  // `||`-style: set to "" means unset, as in loadConfig.
  if (raw === undefined || raw === '') return { staleAfterMs: DEFAULT_STALE_AFTER_MS };
  const ms = /^\d{1,8}$/.test(raw) ? Number(raw) : NaN;
  if (!(ms >= 1 && ms <= MAX_STALE_AFTER_MS)) {
    throw new Error(`KEYWARD_VERIFIER_STALE_MS must be a whole number of milliseconds from 1 to ${MAX_STALE_AFTER_MS} (default ${DEFAULT_STALE_AFTER_MS})`);
  }
  return { staleAfterMs: ms };
};
