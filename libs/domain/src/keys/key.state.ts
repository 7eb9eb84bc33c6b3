import type { Credits, CreditsGeneration, JsonObject, KeyEnvironment, NamedRateLimit, RateLimit, ResourcePermissions, Share, StoredSecret } from '@keyward/contracts';

/** A rotated-away secret: it verifies until `validUntil`, then answers EXPIRED. */
export interface PreviousSecret extends StoredSecret {
  readonly validUntil: string;
}

export interface ExistingKey {
  /** Only what events say; "expired" is read off the clock by `keyStatusAt` (key-status.ts). */
  readonly status: 'active' | 'revoked';
  readonly keyId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly environment: KeyEnvironment;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly secret: StoredSecret;
  /** Oldest first; kept after their grace ends so that they answer EXPIRED, not NOT_FOUND. */
  readonly previousSecrets: readonly PreviousSecret[];
  readonly roles: readonly string[];
  readonly permissions: ResourcePermissions;
  readonly unrestricted: boolean;
  readonly shares: readonly Share[];
  readonly ratelimit: RateLimit | null;
  /** Normalised entries; empty: any address. */
  readonly ipAllowlist: readonly string[];
  readonly rotatedAt: string | null;
  readonly revokedAt: string | null;
  /** A deleted key is revoked and gone from the table; only its history remains. */
  readonly deletedAt: string | null;
  /** Ids of the leak reports that named the key: a replayed report changes nothing. */
  readonly leakReports: readonly string[];
  /** False while disabled; a disabled key keeps its status (it may still expire or be revoked). */
  readonly enabled: boolean;
  /** The key's own credits as last set; `null`: none of its own. */
  readonly credits: Credits | null;
  /** 0 until credits are first set; one more at each setting (KeyCreditsChanged), cleared ones included. */
  readonly creditsGeneration: CreditsGeneration;
  /** When the current generation was set: refills count from it. */
  readonly creditsSetAt: string | null;
  readonly ratelimits: readonly NamedRateLimit[];
  readonly meta: JsonObject;
  /** Fixed at creation. */
  readonly identityId: string | null;
}

export type KeyState = { readonly status: 'absent' } | ExistingKey;

export const initialKeyState: KeyState = { status: 'absent' };
