import { KeyEnvironments, type CreditsState, type JsonObject, type KeyEnvironment, type NamedRateLimitState, type RateLimitState, type VerifyAnswer, type VerifyIdentity } from '@keyward/contracts';

/** Who a VALID key is and what it may do: the principal a guarded route acts for. */
export interface VerifiedKey {
  readonly keyId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly environment: KeyEnvironment;
  readonly roles: readonly string[];
  /** Effective permissions, roles and shares included. */
  readonly permissions: readonly string[];
  /** ISO 8601, or `null` for a key that does not expire. */
  readonly expiresAt: string | null;
  /** For a key with a rate limit: this window's limit, what is left after this call, and when it resets. */
  readonly ratelimit?: RateLimitState;
  /** Each named limit the call was checked against. */
  readonly ratelimits?: readonly NamedRateLimitState[];
  /** For a key with credits (its own or its identity's): what is left after this call. */
  readonly credits?: CreditsState;
  /** The key's metadata, when it has any. */
  readonly meta?: JsonObject;
  /** The customer or integration the key belongs to, when it belongs to one. */
  readonly identity?: VerifyIdentity;
}

const isStringList = (value: unknown): value is readonly string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The principal of a VALID answer; `undefined` for any other answer, or a VALID one missing who the key is. */
export const verifiedKeyOf = (answer: VerifyAnswer): VerifiedKey | undefined => {
  const { code, keyId, workspaceId, name, environment, roles, permissions, expiresAt = null, ratelimit, ratelimits, credits, meta, identity } = answer;
  if (code !== 'VALID' || typeof keyId !== 'string' || typeof workspaceId !== 'string' || typeof name !== 'string') return undefined;
  if (!KeyEnvironments.includes(environment as KeyEnvironment) || !isStringList(roles) || !isStringList(permissions)) return undefined;
  if (expiresAt !== null && typeof expiresAt !== 'string') return undefined;
  const principal = { keyId, workspaceId, name, environment: environment as KeyEnvironment, roles, permissions, expiresAt };
  // Only what the answer carries: a principal never shows a field as present but undefined.
  return { ...principal, ...(ratelimit && { ratelimit }), ...(ratelimits && { ratelimits }), ...(credits && { credits }), ...(meta && { meta }), ...(identity && { identity }) };
};
