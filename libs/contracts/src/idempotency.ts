/** `Idempotency-Key` (product.md section 7, Stripe's convention): how long a key is remembered. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1_000;

/** Printable ASCII, 1 to 255 characters: what a client-generated key (a UUID, say) needs, and nothing a log or header could trip on. */
const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/;
/** SHA-256, lowercase hex. */
const FINGERPRINT = /^[0-9a-f]{64}$/;

export const isIdempotencyKey = (value: unknown): value is string => typeof value === 'string' && IDEMPOTENCY_KEY.test(value);
export const isRequestFingerprint = (value: unknown): value is string => typeof value === 'string' && FINGERPRINT.test(value);

/** The key a request was sent with and a fingerprint of the request (caller, method, path, body). */
export interface RequestIdempotency {
  readonly key: string;
  readonly fingerprint: string;
}

/**
 * A repeated create or rotate: the secret was in the first answer only and is kept nowhere, so
 * the repeat carries `null` in its place (`withholdSecrets` of @keyward/domain makes it).
 */
export type SecretWithheld<Result, Field extends keyof Result> = Omit<Result, Field> & { readonly [F in Field]: null } & { readonly secretAlreadyShown: true };

