import type { DomainEvent } from './domain-event';

/** product.md section 7: `free` has no API access, `pro` adds keys, `enterprise` everything. */
export type Plan = 'free' | 'pro' | 'enterprise';
export const Plans: readonly Plan[] = ['free', 'pro', 'enterprise'];

/** One resource type of a workspace's catalogue (product.md section 8), e.g. `calls` in `Communication`. */
export interface ResourceType {
  readonly resource: string;
  readonly group: string;
}

export interface WorkspaceSettings {
  /** When true, a key's roles, permissions and shares cannot change after creation. */
  readonly keyPermissionsImmutable: boolean;
  /** The resource types keys and roles may name; `*` always stands for all of them. */
  readonly resourceCatalogue: readonly ResourceType[];
  /** A key with no VALID answer for this many days (1 to 3650) is marked stale (product.md section 9.1). */
  readonly staleAfterDays: number;
  /** What a rate-limited key answers when the shared rate-limit state cannot be reached (product.md section 9.2). */
  readonly rateLimitWhenUnreachable: RateLimitWhenUnreachable;
  /** When true (the default), a key reported leaked (`POST /v1/leaks`) is revoked at once (product.md 9.5). */
  readonly revokeLeakedKeys: boolean;
}

export type RateLimitWhenUnreachable = 'allow' | 'deny';
export const RateLimitWhenUnreachableChoices: readonly RateLimitWhenUnreachable[] = ['allow', 'deny'];

/** Workspace `default` exists without an event, on `enterprise` (product.md section 7). */
export const DEFAULT_WORKSPACE_ID = 'default';

export interface WorkspaceCreatedData {
  readonly workspaceId: string;
  readonly name: string;
  readonly plan: Plan;
  readonly settings: WorkspaceSettings;
  readonly createdAt: string;
}

export interface WorkspacePlanChangedData {
  readonly workspaceId: string;
  readonly plan: Plan;
  readonly changedAt: string;
}

/**
 * The whole new settings, so a follower never has to merge. Events written before a setting
 * existed lack it: readers fill it with its default (`withSettingDefaults` in the domain).
 */
export interface WorkspaceSettingsChangedData {
  readonly workspaceId: string;
  readonly settings: WorkspaceSettings;
  readonly changedAt: string;
}

export type WorkspaceCreated = DomainEvent<'WorkspaceCreated', WorkspaceCreatedData>;
export type WorkspacePlanChanged = DomainEvent<'WorkspacePlanChanged', WorkspacePlanChangedData>;
export type WorkspaceSettingsChanged = DomainEvent<'WorkspaceSettingsChanged', WorkspaceSettingsChangedData>;

export type WorkspaceEvent = WorkspaceCreated | WorkspacePlanChanged | WorkspaceSettingsChanged;
export const WorkspaceEventTypes: readonly WorkspaceEvent['type'][] = ['WorkspaceCreated', 'WorkspacePlanChanged', 'WorkspaceSettingsChanged'];

export const workspaceStreamId = (workspaceId: string): string => `workspace-${workspaceId}`;
