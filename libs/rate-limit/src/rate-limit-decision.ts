/** A key's limit (product.md 9.2): `limit` VALID answers per window of `windowMs` (the key's `windowSeconds` × 1,000). */
export interface KeyRateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/** The workspace setting `rateLimitWhenUnreachable`: what to answer when the shared count cannot be reached. */
export type WhenUnreachable = 'allow' | 'deny';

export interface RateLimitDecision {
  readonly granted: boolean;
  readonly limit: number;
  /** VALID answers still left in this window after this one, never more than truly left (0 when unknown). */
  readonly remaining: number;
  /** Epoch milliseconds the window ends and frees capacity. */
  readonly resetMs: number;
  /** The shared count could not be reached: `granted` follows the workspace's `rateLimitWhenUnreachable`. */
  readonly degraded: boolean;
}
