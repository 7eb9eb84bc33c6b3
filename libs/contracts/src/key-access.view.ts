import type { Entitlements } from './entitlements';
import type { Plan } from './events/workspace-events';
import type { KeyStatus } from './key.view';
import type { VerifyCode } from './verify.contract';

/** What a verify decides about a found key (before any rate limit), and what time travel can replay; RATE_LIMITED never is. */
export type KeyAccessCode = Extract<VerifyCode, 'VALID' | 'REVOKED' | 'EXPIRED' | 'DISABLED' | 'PLAN_UPGRADE_REQUIRED' | 'FORBIDDEN' | 'INSUFFICIENT_PERMISSIONS'>;

/**
 * `GET /v1/keys/:id/access`: what a key could do at one moment, folded from the history up to it
 * (product.md sections 7 and 9.6): the key, its roles as they were then, and its workspace's plan then.
 */
export interface KeyAccessView {
  readonly keyId: string;
  readonly workspaceId: string;
  /** The moment asked about (now when not given). */
  readonly asOf: string;
  readonly status: KeyStatus;
  readonly restricted: boolean;
  /** As assigned then, whether or not they granted anything. */
  readonly assignedRoles: readonly string[];
  /** The roles a VALID answer would have listed: built-ins, and custom roles that existed and the plan included. */
  readonly roles: readonly string[];
  /** Everything the key held then under the plan then, as a VALID answer lists it. */
  readonly permissions: readonly string[];
  readonly plan: Plan;
  readonly entitlements: Entitlements;
  /** Empty: any address. */
  readonly ipAllowlist: readonly string[];
  /** What was asked: the permissions required (a query as one item) and the caller's address (`null`: none given). */
  readonly require: readonly string[];
  readonly ip: string | null;
  /** The answer a verify of the key's current secret with `require` and `ip` would have got; rate limits are not replayed. */
  readonly code: KeyAccessCode;
  readonly valid: boolean;
}
