import type { KeyEnvironment, Plan, RateLimitWhenUnreachable } from '@keyward/contracts';
import type { KeyAccess } from '@keyward/domain';
import type { IdentityRow } from '../key-index/identities';
import type { IndexKeyExtras } from '../key-index/index-event.parser';
import type { KeyLimitColumns } from '../key-index/key-limits';
import type { SecretColumns } from '../key-index/secret-table';

/**
 * Bumped whenever the shape below or its meaning changes: a snapshot of another format is not read
 * (the verifier replays the history instead). 2: rate limits, IP allowlists, `rateLimitWhenUnreachable`.
 * 3: identities, and keys' credits, named limits, metadata, identity and disabling.
 */
export const INDEX_SNAPSHOT_FORMAT = 3;

/** What a live key carries beyond the basics, as events set it. */
export interface SnapshotKeyExtra extends IndexKeyExtras {
  readonly disabled: boolean;
}

/** One column per field, one entry per key slot. */
export interface KeyColumns {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly environments: readonly KeyEnvironment[];
  readonly expiresAt: readonly (string | null)[];
  readonly revoked: readonly boolean[];
  /** Index into `IndexSnapshot.accesses`. */
  readonly access: readonly number[];
  /** Index into `IndexSnapshot.workspaces`. */
  readonly workspace: readonly number[];
  /** The slot of the key's current secret in `IndexSnapshot.secrets`. */
  readonly currentSecret: readonly number[];
}

/**
 * Everything the index knows, and nothing it derives (the precomputed grants, the reverse
 * indexes): replaying the history up to the snapshot's position gives back the same index. It
 * holds the keyed hashes exactly as the event store does, and no secret.
 */
export interface IndexSnapshot {
  readonly workspaces: readonly (readonly [workspaceId: string, plan: Plan, rateLimitWhenUnreachable: RateLimitWhenUnreachable])[];
  readonly roles: readonly (readonly [workspaceId: string, roleId: string, permissions: readonly string[]])[];
  readonly accesses: readonly KeyAccess[];
  readonly keys: KeyColumns;
  readonly secrets: SecretColumns;
  /** Only the live keys that have a rate limit or an allowlist. */
  readonly limits: KeyLimitColumns;
  /** The live identities. */
  readonly identities: readonly IdentityRow[];
  /** Only the live keys that carry any of `SnapshotKeyExtra`. */
  readonly extras: readonly (readonly [slot: number, extra: SnapshotKeyExtra])[];
}
