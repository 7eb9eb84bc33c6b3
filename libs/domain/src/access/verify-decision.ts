import type { Entitlements, KeyAccessCode } from '@keyward/contracts';
import { isExpiredAt } from '../keys/key-status';
import type { Permission } from '../permissions/permission';
import { holdsQuery } from '../permissions/permission-evaluator';
import type { PermissionQuery } from '../permissions/permission-query';

/**
 * A key as the decision reads it. Shaped like the verifier's indexed key, so that the hot path
 * passes its own object and allocates nothing; time travel builds one from folded state.
 */
export interface VerifiableKey {
  /** Revoked or deleted. */
  readonly revoked: boolean;
  /** Disabled (reversibly), or its identity is deleted or unknown (fail closed). */
  readonly disabled: boolean;
  /** Epoch ms; `null` or `Infinity` for a key that never expires. */
  readonly expiresAtMs: number | null;
  readonly workspace: { readonly entitlements: Pick<Entitlements, 'apiAccess'> };
  /** `null`: any address. */
  readonly ipAllowlist: { allows(ip: unknown): boolean } | null;
  /** Everything the key holds under its workspace's plan (`effectiveGrants`). */
  readonly granted: { readonly grants: readonly Permission[] };
}

/**
 * The one home of the order of a verify's checks (product.md sections 4 and 7): REVOKED, EXPIRED
 * (the key, or the secret used after its rotation grace), DISABLED, PLAN_UPGRADE_REQUIRED, FORBIDDEN (outside
 * the key's IP allowlist), INSUFFICIENT_PERMISSIONS, VALID. A plan never hides a dead key, and a
 * caller outside the list learns nothing of what the key holds. Both the verifier and time travel
 * ask it. `ip` is untrusted: missing or unparsable is outside any list. MALFORMED, NOT_FOUND and
 * UNAVAILABLE are decided before a key is found, RATE_LIMITED and then USAGE_EXCEEDED after VALID.
 */
export const decideVerify = (key: VerifiableKey, secretValidUntilMs: number, required: PermissionQuery, ip: unknown, nowMs: number): KeyAccessCode => {
  if (key.revoked) return 'REVOKED';
  if (isExpiredAt(secretValidUntilMs, nowMs) || isExpiredAt(key.expiresAtMs, nowMs)) return 'EXPIRED';
  if (key.disabled) return 'DISABLED';
  if (!key.workspace.entitlements.apiAccess) return 'PLAN_UPGRADE_REQUIRED';
  if (key.ipAllowlist !== null && !key.ipAllowlist.allows(ip)) return 'FORBIDDEN';
  return holdsQuery(key.granted.grants, required) ? 'VALID' : 'INSUFFICIENT_PERMISSIONS';
};
