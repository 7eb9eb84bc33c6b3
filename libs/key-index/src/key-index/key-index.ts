import type { KeyEnvironment } from '@keyward/contracts';
import { effectiveGrants, evolveKeyAccess, isBuiltInRole, type KeyAccess } from '@keyward/domain';
import { GrantSets, type GrantSet } from './grant-set';
import { HoldersByGroup } from './holders-by-group';
import { MalformedEventError, parseIndexEvent, type IndexKeyEvent, type IndexRoleEvent, type IndexWorkspaceEvent } from './index-event.parser';
import { KeyAccesses } from './key-access.interner';
import { roleGroup, CustomRoles } from './custom-roles';
import { WorkspacePlans, type WorkspacePlan } from './workspace-plans';

/** What the verifier knows of one key: everything a verify answer needs, precomputed. */
export interface IndexedKey {
  readonly keyId: string;
  readonly name: string;
  readonly environment: KeyEnvironment;
  readonly expiresAt: string | null;
  readonly expiresAtMs: number;
  /** Revoked or deleted: both answer REVOKED, and nothing changes the key any more. */
  revoked: boolean;
  /** Interned: shared by every key with the same roles, permissions and shares. */
  access: KeyAccess;
  /** Shared with every key of the workspace: its id, and the plan that decides PLAN_UPGRADE_REQUIRED. */
  readonly workspace: WorkspacePlan;
  /** Interned, and replaced (never changed) when the access, a held role or the plan changes. */
  granted: GrantSet;
}

export interface SecretEntry {
  readonly key: IndexedKey;
  /** The second half of the stored hash, compared in constant time once the first half matched. */
  readonly tail: string;
  /** Epoch ms after which this secret answers EXPIRED; `Infinity` for the key's current secret. */
  validUntilMs: number;
}

/**
 * A stored HMAC split in two one-byte strings (the most compact string V8 keeps, as 100,000
 * keys must fit comfortably in memory): the map finds a candidate by the first 16 bytes, and the
 * last 16 are compared in constant time, so lookup timing tells nothing about a stored hash.
 */
export interface SplitHash {
  readonly head: string;
  readonly tail: string;
}

export const digestHead = (digest: Buffer): string => digest.toString('latin1', 0, 16);

export const splitDigest = (digest: Buffer): SplitHash => ({
  head: digestHead(digest),
  tail: digest.toString('latin1', 16, 32),
});

/** The parser checked it is 64 lowercase hex characters. */
const splitHex = (hex: string): SplitHash => splitDigest(Buffer.from(hex, 'hex'));

/** Whether `apply` used an event, or left it alone as one of a type the index does not read. */
export type ApplyOutcome = 'applied' | 'ignored';

/**
 * The in-memory index by keyed hash, fed by key, role and workspace events and read on every
 * verify without I/O. Each key's effective roles and permissions are computed when an event
 * changes them (its own, a role it holds, its workspace's plan), never on a verify; reverse
 * indexes from roles and workspaces to their keys keep that to the keys concerned.
 */
export class KeyIndex {
  private readonly bySecret = new Map<string, SecretEntry>();
  private readonly current = new Map<string, SecretEntry>();
  private readonly roles = new CustomRoles();
  private readonly workspaces = new WorkspacePlans();
  /** Live keys by the custom roles they hold (built-ins never change). */
  private readonly roleHolders = new HoldersByGroup<IndexedKey>();
  /** Live keys by workspace, for plan changes. */
  private readonly workspaceKeys = new HoldersByGroup<IndexedKey>();
  private readonly accesses = new KeyAccesses();

  /** `grantSets` is where every precomputation ends up; tests count its calls to see what was recomputed. */
  constructor(private readonly grantSets: GrantSets = new GrantSets()) {}

  get size(): number {
    return this.current.size;
  }

  lookup(head: string): SecretEntry | undefined {
    return this.bySecret.get(head);
  }

  /**
   * Throws (a `MalformedEventError` for bad data) on an event whose data is not what its type
   * says; nothing is changed then, so the caller may skip it and go on.
   */
  apply(event: { readonly type: string; readonly data: unknown }): ApplyOutcome {
    const parsed = parseIndexEvent(event);
    if (parsed === undefined) return 'ignored';
    switch (parsed.type) {
      case 'RoleCreated':
      case 'RolePermissionsChanged':
      case 'RoleDeleted':
        this.applyRoleEvent(parsed);
        break;
      case 'WorkspaceCreated':
      case 'WorkspacePlanChanged':
      case 'WorkspaceSettingsChanged':
        this.applyWorkspaceEvent(parsed);
        break;
      default:
        this.applyKeyEvent(parsed);
    }
    return 'applied';
  }

  private applyRoleEvent(event: IndexRoleEvent): void {
    this.recompute(this.roleHolders.of(this.roles.apply(event)));
  }

  private applyWorkspaceEvent(event: IndexWorkspaceEvent): void {
    const changed = this.workspaces.apply(event);
    if (changed !== undefined) this.recompute(this.workspaceKeys.of(changed));
  }

  private applyKeyEvent(event: IndexKeyEvent): void {
    if (event.type === 'KeyCreated') {
      this.create(event.data);
      return;
    }
    const entry = this.current.get(event.data.keyId);
    // A key never seen (its creation was skipped) stays unknown; a revoked or deleted one stays so.
    if (!entry || entry.key.revoked) return;
    switch (event.type) {
      case 'KeyRotated': {
        const { head, tail } = splitHex(event.data.secretHash);
        entry.validUntilMs = Date.parse(event.data.previousKeyExpiresAt);
        this.addSecret(head, { key: entry.key, tail, validUntilMs: Infinity });
        return;
      }
      case 'KeyRevoked':
      case 'KeyDeleted':
        this.retire(entry.key);
        return;
      default:
        this.changeAccess(entry.key, evolveKeyAccess(entry.key.access, event));
    }
  }

  private create(d: Extract<IndexKeyEvent, { type: 'KeyCreated' }>['data']): void {
    // Key ids are unique: a second creation is a corrupt history, not a new key.
    if (this.current.has(d.keyId)) throw new MalformedEventError('KeyCreated: keyId is already indexed');
    const { head, tail } = splitHex(d.secretHash);
    const access = this.accesses.intern({ unrestricted: d.unrestricted, roles: d.roles, permissions: d.permissions, shares: [] });
    const workspace = this.workspaces.of(d.workspaceId);
    const key: IndexedKey = {
      keyId: d.keyId,
      name: d.name,
      environment: d.environment,
      expiresAt: d.expiresAt,
      expiresAtMs: d.expiresAt === null ? Infinity : Date.parse(d.expiresAt),
      revoked: false,
      access,
      workspace,
      granted: this.grantSetOf(workspace, access),
    };
    this.workspaceKeys.add(workspace.workspaceId, key);
    this.holdRoles(key, access);
    this.addSecret(head, { key, tail, validUntilMs: Infinity });
  }

  private addSecret(head: string, entry: SecretEntry): void {
    this.bySecret.set(head, entry);
    this.current.set(entry.key.keyId, entry);
  }

  /** Revoked for good: it answers REVOKED, and no role or plan change needs to look at it again. */
  private retire(key: IndexedKey): void {
    key.revoked = true;
    this.releaseRoles(key, key.access);
    this.workspaceKeys.remove(key.workspace.workspaceId, key);
  }

  private changeAccess(key: IndexedKey, changed: KeyAccess): void {
    const access = this.accesses.intern(changed);
    if (access === key.access) return;
    const granted = this.grantSetOf(key.workspace, access);
    this.releaseRoles(key, key.access);
    this.holdRoles(key, access);
    key.access = access;
    key.granted = granted;
  }

  private holdRoles(key: IndexedKey, access: KeyAccess): void {
    for (const roleId of access.roles) if (!isBuiltInRole(roleId)) this.roleHolders.add(roleGroup(key.workspace.workspaceId, roleId), key);
  }

  private releaseRoles(key: IndexedKey, access: KeyAccess): void {
    for (const roleId of access.roles) if (!isBuiltInRole(roleId)) this.roleHolders.remove(roleGroup(key.workspace.workspaceId, roleId), key);
  }

  /**
   * Recomputes the keys of one role or one workspace. They share the workspace, so keys with
   * the same (interned) access get the same result: it is computed once per access.
   */
  private recompute(keys: ReadonlySet<IndexedKey>): void {
    const computed = new Map<KeyAccess, GrantSet>();
    for (const key of keys) {
      let granted = computed.get(key.access);
      if (!granted) computed.set(key.access, (granted = this.grantSetOf(key.workspace, key.access)));
      key.granted = granted;
    }
  }

  /** The domain decides what an access grants under the workspace's plan; this only looks roles up in the key's own workspace. */
  private grantSetOf(workspace: WorkspacePlan, access: KeyAccess): GrantSet {
    const { workspaceId, entitlements } = workspace;
    const roleGrants = (roleId: string) => this.roles.grantsOf(workspaceId, roleId);
    const grants = effectiveGrants(access, roleGrants, entitlements);
    // Listed only if they grant: built-ins, and custom roles that exist and the plan includes.
    const roles = access.unrestricted ? [] : access.roles.filter((r, i) => access.roles.indexOf(r) === i && (isBuiltInRole(r) || (entitlements.customRoles && roleGrants(r) !== undefined)));
    return this.grantSets.of(roles, grants);
  }
}
