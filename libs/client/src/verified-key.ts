import { KeyEnvironments, type KeyEnvironment, type VerifyAnswer } from '@keyward/contracts';

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
}

const isStringList = (value: unknown): value is readonly string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The principal of a VALID answer; `undefined` for any other answer, or a VALID one missing who the key is. */
export const verifiedKeyOf = (answer: VerifyAnswer): VerifiedKey | undefined => {
  const { code, keyId, workspaceId, name, environment, roles, permissions, expiresAt = null } = answer;
  if (code !== 'VALID' || typeof keyId !== 'string' || typeof workspaceId !== 'string' || typeof name !== 'string') return undefined;
  if (!KeyEnvironments.includes(environment as KeyEnvironment) || !isStringList(roles) || !isStringList(permissions)) return undefined;
  if (expiresAt !== null && typeof expiresAt !== 'string') return undefined;
  return { keyId, workspaceId, name, environment: environment as KeyEnvironment, roles, permissions, expiresAt };
};
