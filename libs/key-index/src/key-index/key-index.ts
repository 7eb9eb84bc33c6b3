import type { JsonObject, KeyEnvironment } from '@keyward/contracts';
import type { CreditsSetting } from '@keyward/credits';
import { effectiveGrants, evolveKeyAccess, heldRoles, isBuiltInRole, type IpAllowlistMatcher, type KeyAccess } from '@keyward/domain';
import type { IndexSnapshot } from '../snapshot/index-snapshot';
import { GrantSets, type GrantSet } from './grant-set';
import { HoldersByGroup } from './holders-by-group';
import { Identities, type IndexedIdentity } from './identities';
import { MalformedEventError, parseIndexEvent, type IndexKeyEvent, type IndexRoleEvent, type IndexWorkspaceEvent } from './index-event.parser';
import { indexedNamedLimits, KeyExtras, namedLimitsOf, type IndexedCredits, type IndexedNamedLimit } from './key-extras';
import { KeyAccesses } from './key-access.interner';
import { KeyLimits, type IndexedRateLimit } from './key-limits';
import { roleGroup, CustomRoles } from './custom-roles';
import { SecretTable } from './secret-table';
import { WorkspacePlans, type WorkspacePlan } from './workspace-plans';

/** What the verifier knows of one key: everything a verify answer needs, precomputed. A copy: later events do not change it. */
export interface IndexedKey {
  readonly keyId: string;
  readonly name: string;
  readonly environment: KeyEnvironment;
  readonly expiresAt: string | null;
  readonly expiresAtMs: number;
  /** Revoked or deleted: both answer REVOKED, and nothing changes the key any more. */
  readonly revoked: boolean;
  /** Interned: shared by every key with the same roles, permissions and shares. */
  readonly access: KeyAccess;
  /** Shared with every key of the workspace: its id, and the plan that decides PLAN_UPGRADE_REQUIRED. */
  readonly workspace: WorkspacePlan;
  /** Interned, and replaced (never changed) when the access, a held role or the plan changes. */
  readonly granted: GrantSet;
  /** `null`: no rate limit (the rate limiter is not asked). */
  readonly ratelimit: IndexedRateLimit | null;
  /** `null`: any address; otherwise verify needs an `ip` inside it. */
  readonly ipAllowlist: IpAllowlistMatcher | null;
  /** Disabled, or its identity is deleted, unknown or of another workspace (fail closed): DISABLED. */
  readonly disabled: boolean;
  /** `null`: none, or none found (then `disabled`). */
  readonly identity: IndexedIdentity | null;
  /** `null` for `{}`. */
  readonly meta: JsonObject | null;
  /** The key's own credits, else its identity's; `null`: unlimited. */
  readonly credits: IndexedCredits | null;
  /** The key's named limits, then its identity's of other names; shared empty for most keys. */
  readonly ratelimits: readonly IndexedNamedLimit[];
}

/** A stored secret that a digest matched. */
export interface FoundSecret {
  readonly key: IndexedKey;
  /** Epoch ms after which this secret answers EXPIRED; `Infinity` for the key's current secret. */
  readonly validUntilMs: number;
}

/** Whether `apply` used an event, or left it alone as one of a type the index does not read. */
export type ApplyOutcome = 'applied' | 'ignored';

/** Per-key fields as columns indexed by key slot: a million keys make ten arrays, not millions of objects. */
interface KeyColumns {
  ids: string[];
  names: string[];
  environments: KeyEnvironment[];
  expiresAt: (string | null)[];
  expiresAtMs: number[];
  revoked: boolean[];
  access: KeyAccess[];
  workspace: WorkspacePlan[];
  granted: GrantSet[];
  currentSecret: number[];
}

/** Past this many computed sets the cache starts over. */
const MAX_COMPUTED = 10_000;

const noKeys = (): KeyColumns => ({ ids: [], names: [], environments: [], expiresAt: [], expiresAtMs: [], revoked: [], access: [], workspace: [], granted: [], currentSecret: [] });

const expiryMs = (expiresAt: string | null): number => (expiresAt === null ? Infinity : Date.parse(expiresAt));

/** Numbers each distinct item of `items` by first appearance: `[distinct, index of each]`. */
const numbered = <T>(items: readonly T[]): [T[], number[]] => {
  const distinct: T[] = [];
  const numbers = new Map<T, number>();
  const indexes = items.map((item) => {
    let n = numbers.get(item);
    if (n === undefined) numbers.set(item, (n = distinct.push(item) - 1));
    return n;
  });
  return [distinct, indexes];
};

/**
 * The in-memory index by keyed hash, fed by key, role and workspace events and read on every
 * verify without I/O. Each key's effective roles and permissions are computed when an event
 * changes them (its own, a role it holds, its workspace's plan), never on a verify; reverse
 * indexes from roles and workspaces to their keys keep that to the keys concerned.
 */
export class KeyIndex {
  private secrets = new SecretTable();
  private keys = noKeys();
  private limits = new KeyLimits();
  private extras = new KeyExtras();
  private identities = new Identities();
  private readonly slots = new Map<string, number>();
  private readonly roles = new CustomRoles();
  private readonly workspaces = new WorkspacePlans();
  /** Live keys by the custom roles they hold (built-ins never change). */
  private readonly roleHolders = new HoldersByGroup<number>();
  /** Sets computed since the last role or plan change, by workspace and access: most keys share one. */
  private readonly computed = new Map<WorkspacePlan, Map<KeyAccess, GrantSet>>();
  private computedCount = 0;
  private readonly accesses = new KeyAccesses();

  /** `grantSets` is where every precomputation ends up; tests count its calls to see what was recomputed. */
  constructor(private readonly grantSets: GrantSets = new GrantSets()) {}

  get size(): number {
    return this.keys.ids.length;
  }

  /** The secret whose keyed hash is `digest`, and its key. */
  lookup(digest: Buffer): FoundSecret | undefined {
    const secret = this.secrets.find(digest);
    if (secret < 0) return undefined;
    return { key: this.keyAt(this.secrets.keyOf(secret)), validUntilMs: this.secrets.validUntilOf(secret) };
  }

  /** A key by its id (revoked and deleted ones too: they answer REVOKED). */
  byId(keyId: string): IndexedKey | undefined {
    const slot = this.slots.get(keyId);
    return slot === undefined ? undefined : this.keyAt(slot);
  }

  /** A key's slot: its row in every column, for counters kept per key without a map of their own. */
  slotOf(keyId: string): number | undefined {
    return this.slots.get(keyId);
  }

  /** Who a slot's counts belong to; slots are never reused. */
  ownerAt(slot: number): { readonly keyId: string; readonly workspaceId: string } {
    return { keyId: this.keys.ids[slot], workspaceId: this.keys.workspace[slot].workspaceId };
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
      case 'IdentityCreated':
      case 'IdentityChanged':
      case 'IdentityDeleted':
        // Keys read their identity on each verify: nothing of theirs needs recomputing.
        this.identities.apply(parsed);
        break;
      default:
        this.applyKeyEvent(parsed);
    }
    return 'applied';
  }

  /** Everything the index knows, copied at once, so that it is the state at one position of the history. */
  snapshot(): IndexSnapshot {
    const k = this.keys;
    const [workspaces, workspace] = numbered(k.workspace);
    const [accesses, access] = numbered(k.access);
    // Workspaces no key names yet still carry a plan.
    for (const known of this.workspaces.list()) if (!workspaces.includes(known)) workspaces.push(known);
    return {
      workspaces: workspaces.map((w) => [w.workspaceId, w.plan, w.rateLimitWhenUnreachable] as const),
      roles: this.roles.list(),
      accesses,
      keys: { ids: [...k.ids], names: [...k.names], environments: [...k.environments], expiresAt: [...k.expiresAt], revoked: [...k.revoked], access, workspace, currentSecret: [...k.currentSecret] },
      secrets: this.secrets.columns(),
      limits: this.limits.columns(),
      identities: this.identities.rows(),
      extras: [...this.extras.entries()].map(
        ([slot, e]) =>
          [slot, { credits: e.credits?.setting ?? null, ratelimits: namedLimitsOf(e.ratelimits), meta: e.meta, identityId: e.identityId, disabled: e.disabled }] as const,
      ),
    };
  }

  /**
   * Starts from a snapshot (checked by `parseIndexSnapshot`) instead of an empty index; the
   * precomputed grants and reverse indexes are derived again, as events would have.
   */
  restore(snapshot: IndexSnapshot): void {
    if (this.size > 0 || this.secrets.size > 0) throw new Error('a snapshot is restored into an empty index only');
    for (const [workspaceId, plan, rateLimitWhenUnreachable] of snapshot.workspaces) {
      this.workspaces.apply({ type: 'WorkspaceCreated', data: { workspaceId, plan, rateLimitWhenUnreachable } });
    }
    for (const [workspaceId, roleId, permissions] of snapshot.roles) this.roles.apply({ type: 'RoleCreated', data: { workspaceId, roleId, permissions } });
    const workspaces = snapshot.workspaces.map(([workspaceId]) => this.workspaces.of(workspaceId));
    const accesses = snapshot.accesses.map((a) => this.accesses.intern(a));
    const s = snapshot.keys;
    const access = s.access.map((i) => accesses[i]);
    const workspace = s.workspace.map((i) => workspaces[i]);
    const granted = access.map((a, slot) => this.grantSetOf(workspace[slot], a));
    this.keys = {
      ids: [...s.ids],
      names: [...s.names],
      environments: [...s.environments],
      expiresAt: [...s.expiresAt],
      expiresAtMs: s.expiresAt.map(expiryMs),
      revoked: [...s.revoked],
      access,
      workspace,
      granted,
      currentSecret: [...s.currentSecret],
    };
    this.secrets = SecretTable.of(snapshot.secrets);
    this.limits = KeyLimits.of(snapshot.limits);
    this.identities = Identities.of(snapshot.identities);
    for (const [slot, e] of snapshot.extras) {
      this.extras.change(slot, { credits: this.creditsOf(slot, e.credits), ratelimits: indexedNamedLimits(s.ids[slot], e.ratelimits), meta: e.meta, identityId: e.identityId, disabled: e.disabled });
    }
    for (let slot = 0; slot < s.ids.length; slot++) {
      this.slots.set(s.ids[slot], slot);
      if (!s.revoked[slot]) this.holdRoles(slot, access[slot]);
    }
  }

  private keyAt(slot: number): IndexedKey {
    const k = this.keys;
    const extra = this.extras.of(slot);
    const identity = extra.identityId === null ? null : (this.identities.of(extra.identityId, k.workspace[slot].workspaceId) ?? null);
    return {
      keyId: k.ids[slot],
      name: k.names[slot],
      environment: k.environments[slot],
      expiresAt: k.expiresAt[slot],
      expiresAtMs: k.expiresAtMs[slot],
      revoked: k.revoked[slot],
      access: k.access[slot],
      workspace: k.workspace[slot],
      granted: k.granted[slot],
      ratelimit: this.limits.rateLimitOf(slot),
      ipAllowlist: this.limits.allowlistOf(slot),
      disabled: extra.disabled || (extra.identityId !== null && identity === null),
      identity,
      meta: extra.meta,
      credits: extra.credits ?? identity?.credits ?? null,
      ratelimits: identity === null ? extra.ratelimits : this.extras.limitsOf(slot, extra, identity.ratelimits),
    };
  }

  private applyRoleEvent(event: IndexRoleEvent): void {
    const group = this.roles.apply(event);
    this.forgetComputed();
    this.recompute(this.roleHolders.of(group));
  }

  private applyWorkspaceEvent(event: IndexWorkspaceEvent): void {
    const changed = this.workspaces.apply(event);
    if (changed === undefined) return;
    this.forgetComputed();
    // Plans change rarely: one pass over a column costs less than a set of every key by workspace.
    const plan = this.workspaces.of(changed);
    const k = this.keys;
    const slots: number[] = [];
    for (let slot = 0; slot < k.workspace.length; slot++) if (k.workspace[slot] === plan && !k.revoked[slot]) slots.push(slot);
    this.recompute(slots);
  }

  private applyKeyEvent(event: IndexKeyEvent): void {
    if (event.type === 'KeyCreated') {
      this.create(event.data);
      return;
    }
    const slot = this.slots.get(event.data.keyId);
    // A key never seen (its creation was skipped) stays unknown; a revoked or deleted one stays so.
    if (slot === undefined || this.keys.revoked[slot]) return;
    switch (event.type) {
      case 'KeyRotated': {
        const digest = this.newDigest(event.type, event.data.secretHash);
        this.secrets.expireAt(this.keys.currentSecret[slot], Date.parse(event.data.previousKeyExpiresAt));
        this.keys.currentSecret[slot] = this.secrets.add(digest, slot, Infinity);
        return;
      }
      case 'KeyRevoked':
      case 'KeyDeleted':
        this.retire(slot);
        return;
      case 'KeyRenamed':
        this.keys.names[slot] = event.data.name;
        return;
      case 'KeyExpiryChanged':
        this.keys.expiresAt[slot] = event.data.expiresAt;
        this.keys.expiresAtMs[slot] = expiryMs(event.data.expiresAt);
        return;
      case 'KeyRateLimitChanged':
        this.limits.setRateLimit(slot, event.data.ratelimit);
        return;
      case 'KeyIpAllowlistChanged':
        this.limits.setAllowlist(slot, event.data.ipAllowlist);
        return;
      case 'KeyCreditsChanged':
        this.extras.change(slot, { credits: this.creditsOf(slot, event.data.credits) });
        return;
      case 'KeyNamedRateLimitsChanged':
        this.extras.change(slot, { ratelimits: indexedNamedLimits(event.data.keyId, event.data.ratelimits) });
        return;
      case 'KeyMetaChanged':
        this.extras.change(slot, { meta: event.data.meta });
        return;
      case 'KeyDisabled':
      case 'KeyEnabled':
        this.extras.change(slot, { disabled: event.type === 'KeyDisabled' });
        return;
      default:
        this.changeAccess(slot, evolveKeyAccess(this.keys.access[slot], event));
    }
  }

  /** The parser checked it is 64 lowercase hex characters; a hash already stored is a corrupt history. */
  private newDigest(type: string, secretHash: string): Buffer {
    const digest = Buffer.from(secretHash, 'hex');
    if (this.secrets.find(digest) >= 0) throw new MalformedEventError(`${type}: secretHash is already indexed`);
    return digest;
  }

  private create(d: Extract<IndexKeyEvent, { type: 'KeyCreated' }>['data']): void {
    // Key ids are unique: a second creation is a corrupt history, not a new key.
    if (this.slots.has(d.keyId)) throw new MalformedEventError('KeyCreated: keyId is already indexed');
    const digest = this.newDigest('KeyCreated', d.secretHash);
    const access = this.accesses.intern({ unrestricted: d.unrestricted, roles: d.roles, permissions: d.permissions, shares: [] });
    const workspace = this.workspaces.of(d.workspaceId);
    const k = this.keys;
    const slot = k.ids.length;
    k.ids.push(d.keyId);
    k.names.push(d.name);
    k.environments.push(d.environment);
    k.expiresAt.push(d.expiresAt);
    k.expiresAtMs.push(expiryMs(d.expiresAt));
    k.revoked.push(false);
    k.access.push(access);
    k.workspace.push(workspace);
    k.granted.push(this.grantSetOf(workspace, access));
    k.currentSecret.push(this.secrets.add(digest, slot, Infinity));
    this.slots.set(d.keyId, slot);
    this.limits.setRateLimit(slot, d.ratelimit);
    this.limits.setAllowlist(slot, d.ipAllowlist);
    this.extras.change(slot, { credits: this.creditsOf(slot, d.credits), ratelimits: indexedNamedLimits(d.keyId, d.ratelimits), meta: d.meta, identityId: d.identityId });
    this.holdRoles(slot, access);
  }

  private creditsOf(slot: number, setting: CreditsSetting | null): IndexedCredits | null {
    return setting === null ? null : { ownerId: this.keys.ids[slot], setting };
  }

  /** Revoked for good: it answers REVOKED, and no role or plan change needs to look at it again. */
  private retire(slot: number): void {
    this.keys.revoked[slot] = true;
    this.limits.forget(slot);
    this.extras.forget(slot);
    this.releaseRoles(slot, this.keys.access[slot]);
  }

  private changeAccess(slot: number, changed: KeyAccess): void {
    const access = this.accesses.intern(changed);
    const k = this.keys;
    if (access === k.access[slot]) return;
    const granted = this.grantSetOf(k.workspace[slot], access);
    this.releaseRoles(slot, k.access[slot]);
    this.holdRoles(slot, access);
    k.access[slot] = access;
    k.granted[slot] = granted;
  }

  private holdRoles(slot: number, access: KeyAccess): void {
    const workspaceId = this.keys.workspace[slot].workspaceId;
    for (const roleId of access.roles) if (!isBuiltInRole(roleId)) this.roleHolders.add(roleGroup(workspaceId, roleId), slot);
  }

  private releaseRoles(slot: number, access: KeyAccess): void {
    const workspaceId = this.keys.workspace[slot].workspaceId;
    for (const roleId of access.roles) if (!isBuiltInRole(roleId)) this.roleHolders.remove(roleGroup(workspaceId, roleId), slot);
  }

  /** Recomputes the keys of one role or one workspace, once per distinct access among them. */
  private recompute(slots: Iterable<number>): void {
    const k = this.keys;
    for (const slot of slots) k.granted[slot] = this.grantSetOf(k.workspace[slot], k.access[slot]);
  }

  /** A role or a plan changed: what was computed before may no longer hold. */
  private forgetComputed(): void {
    this.computed.clear();
    this.computedCount = 0;
  }

  private grantSetOf(workspace: WorkspacePlan, access: KeyAccess): GrantSet {
    const known = this.computed.get(workspace)?.get(access);
    if (known) return known;
    // Bounded: keys with accesses of their own (shares) would otherwise fill it.
    if (this.computedCount >= MAX_COMPUTED) this.forgetComputed();
    const granted = this.computeGrantSet(workspace, access);
    let byAccess = this.computed.get(workspace);
    if (!byAccess) this.computed.set(workspace, (byAccess = new Map()));
    byAccess.set(access, granted);
    this.computedCount++;
    return granted;
  }

  /** The domain decides what an access grants under the workspace's plan; this only looks roles up in the key's own workspace. */
  private computeGrantSet(workspace: WorkspacePlan, access: KeyAccess): GrantSet {
    const { workspaceId, entitlements } = workspace;
    const roleGrants = (roleId: string) => this.roles.grantsOf(workspaceId, roleId);
    const grants = effectiveGrants(access, roleGrants, entitlements);
    return this.grantSets.of(heldRoles(access, roleGrants, entitlements), grants);
  }
}
