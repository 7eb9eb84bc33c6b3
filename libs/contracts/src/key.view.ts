import type { NamedRateLimit, RateLimit, ResourcePermissions, Share } from './events/key-events';
import type { CreditsView } from './identity.view';
import type { JsonObject } from './json-value';
import type { KeyEnvironment } from './verify.contract';

export type KeyStatus = 'active' | 'expired' | 'revoked';

/** A key as the gateway shows it (product.md section 7): never the secret, never its hash. */
export interface KeyView {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly prefix: string;
  readonly maskedKey: string;
  readonly environment: KeyEnvironment;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly status: KeyStatus;
  /** False for a key with full access (`unrestricted`), true for one limited by roles, permissions and shares. */
  readonly restricted: boolean;
  readonly roles: readonly string[];
  readonly permissions: ResourcePermissions;
  readonly shares: readonly Share[];
  readonly ratelimit: RateLimit | null;
  /** Empty: any address may use the key. */
  readonly ipAllowlist: readonly string[];
  readonly rotatedAt: string | null;
  readonly revokedAt: string | null;
  /** Every VALID answer (product.md section 9.1). */
  readonly usageCount: number;
  /** The last VALID answer. */
  readonly lastUsedAt: string | null;
  /** An active key with no VALID answer for the workspace's `staleAfterDays` (from its creation if never used). */
  readonly stale: boolean;
  /** An active key that expires within seven days. */
  readonly expiresSoon: boolean;
  /** False while disabled (`POST /v1/keys/:id/disable`); a disabled key keeps its status. */
  readonly enabled: boolean;
  /** The key's own credits, live; `null`: none of its own. */
  readonly credits: CreditsView | null;
  readonly ratelimits: readonly NamedRateLimit[];
  readonly meta: JsonObject;
  readonly identityId: string | null;
}

export interface KeyPage {
  readonly items: readonly KeyView[];
  readonly nextCursor: string | null;
}
