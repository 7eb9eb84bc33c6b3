import { millisecondsFromEnv as milliseconds } from './env-milliseconds';

/** What only a verifier reads from the environment (product.md sections 5 and 9.2). */
export interface VerifierConfig {
  /** `KEYWARD_VERIFIER_STALE_MS`: how long a verifier may go without reaching the head of the history before it stops answering. */
  readonly staleAfterMs: number;
  /** `KEYWARD_RATE_LIMIT_TIMEOUT_MS`: how long a verify may wait on the shared rate-limit count before it counts as unreachable. */
  readonly rateLimitTimeoutMs: number;
}

export const DEFAULT_STALE_AFTER_MS = 2_000;
/** A day: anything longer is no freshness bound at all. */
const MAX_STALE_AFTER_MS = 86_400_000;
export const DEFAULT_RATE_LIMIT_TIMEOUT_MS = 250;
/** A verify that waits longer than this has been answered by the caller's own timeout anyway. */
const MAX_RATE_LIMIT_TIMEOUT_MS = 10_000;

/** Read once, at start, before anything connects. */
export const loadVerifierConfig = (env: NodeJS.ProcessEnv = process.env): VerifierConfig => ({
  staleAfterMs: milliseconds(env, 'KEYWARD_VERIFIER_STALE_MS', DEFAULT_STALE_AFTER_MS, MAX_STALE_AFTER_MS),
  rateLimitTimeoutMs: milliseconds(env, 'KEYWARD_RATE_LIMIT_TIMEOUT_MS', DEFAULT_RATE_LIMIT_TIMEOUT_MS, MAX_RATE_LIMIT_TIMEOUT_MS),
});
