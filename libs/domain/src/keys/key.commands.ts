import type { Credits, JsonObject, KeyEnvironment, NamedRateLimitInput, RateLimit, ResourcePermissions, RevocationReason, StoredSecret } from '@keyward/contracts';
import type { AccessPolicy } from '../access/access-policy';

/**
 * Commands carry everything a decision needs, ids, secrets and the access policy included, so
 * that `decideKey` stays pure: the caller generates the key id and the secret, hands over only the
 * secret's stored form (the secret itself never reaches the domain), and resolves the caller's
 * authority, the workspace's plan and settings and the roles involved.
 */
export interface CreateKey {
  readonly type: 'CreateKey';
  readonly keyId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly environment: KeyEnvironment;
  readonly expiresAt: string | null;
  readonly roles?: readonly string[];
  readonly permissions?: ResourcePermissions;
  readonly unrestricted?: boolean;
  readonly ratelimit?: RateLimit | null;
  readonly ipAllowlist?: readonly string[] | null;
  readonly credits?: Credits | null;
  readonly ratelimits?: readonly NamedRateLimitInput[];
  readonly meta?: JsonObject;
  /** Checked to exist in the workspace by the caller, which reads the identity's stream. */
  readonly identityId?: string;
  readonly secret: StoredSecret;
  readonly policy: AccessPolicy;
}

/** Rotating hands the caller the key's new secret, so the caller must hold all the key holds. */
export interface RotateKey {
  readonly type: 'RotateKey';
  readonly keyId: string;
  readonly workspaceId: string;
  readonly gracePeriodSeconds: number;
  /** The replacement, generated in the key's own environment. */
  readonly secret: StoredSecret;
  readonly policy: AccessPolicy;
}

export interface RevokeKey {
  readonly type: 'RevokeKey';
  readonly keyId: string;
  readonly workspaceId: string;
  /** Absent when an admin revokes; set when the system does (revoke-by-secret). */
  readonly reason?: RevocationReason;
}

/**
 * A signed leak report named the key's secret. `revokeLeakedKeys` is the workspace's setting, resolved
 * by the caller; `reportId` identifies the report, so that a replay changes nothing.
 */
export interface ReportKeyLeak {
  readonly type: 'ReportKeyLeak';
  readonly keyId: string;
  readonly workspaceId: string;
  readonly reportId: string;
  readonly url?: string;
  readonly source?: string;
  readonly revokeLeakedKeys: boolean;
  /** The reported secret still opens the key (not one rotated away past its grace period): only then is there anything to revoke. */
  readonly secretCurrent: boolean;
}

/**
 * Name, expiry, limits, credits, IP allowlist and metadata: each field named is set, each left out
 * keeps its value; `null` clears. Credits named always start a new generation (the balance set anew).
 */
export interface UpdateKey {
  readonly type: 'UpdateKey';
  readonly keyId: string;
  readonly workspaceId: string;
  readonly name?: string;
  readonly expiresAt?: string | null;
  readonly ratelimit?: RateLimit | null;
  readonly ipAllowlist?: readonly string[] | null;
  readonly credits?: Credits | null;
  readonly ratelimits?: readonly NamedRateLimitInput[];
  readonly meta?: JsonObject | null;
  readonly policy: AccessPolicy;
}

/** Reversibly off or on again; enabling gives the key its access back, so only within the caller's own. */
export interface SetKeyEnabled {
  readonly type: 'SetKeyEnabled';
  readonly keyId: string;
  readonly workspaceId: string;
  readonly enabled: boolean;
  readonly policy: AccessPolicy;
}

export interface DeleteKey {
  readonly type: 'DeleteKey';
  readonly keyId: string;
  readonly workspaceId: string;
}

/** The key's whole new set of roles. */
export interface SetKeyRoles {
  readonly type: 'SetKeyRoles';
  readonly keyId: string;
  readonly workspaceId: string;
  readonly roles: readonly string[];
  readonly policy: AccessPolicy;
}

/** The key's whole new direct permissions; `unrestricted: true` gives it full access. */
export interface SetKeyPermissions {
  readonly type: 'SetKeyPermissions';
  readonly keyId: string;
  readonly workspaceId: string;
  readonly permissions: ResourcePermissions;
  readonly unrestricted?: boolean;
  readonly policy: AccessPolicy;
}

export interface ShareResource {
  readonly type: 'ShareResource';
  readonly keyId: string;
  readonly workspaceId: string;
  readonly resource: string;
  readonly resourceId: string;
  readonly access: string;
  readonly policy: AccessPolicy;
}

export interface UnshareResource {
  readonly type: 'UnshareResource';
  readonly keyId: string;
  readonly workspaceId: string;
  readonly resource: string;
  readonly resourceId: string;
  readonly policy: AccessPolicy;
}

export type KeyCommand = CreateKey | RotateKey | RevokeKey | UpdateKey | DeleteKey | SetKeyRoles | SetKeyPermissions | ShareResource | UnshareResource | ReportKeyLeak | SetKeyEnabled;
