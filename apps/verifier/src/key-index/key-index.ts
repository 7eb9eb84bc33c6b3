import { isKeyEvent, isRoleEvent, isWorkspaceEvent, type KeyEnvironment, type KeyEvent } from '@keyward/contracts';
import { effectiveGrants, evolveKeyAccess, isBuiltInRole, type KeyAccess } from '@keyward/domain';
import type { RecordedEvent } from '@keyward/event-store';
import { GrantSets, type GrantSet } from './grant-set';
import { RoleGrants } from './role-grants';
import { WorkspacePlans, type WorkspacePlan } from './workspace-plans';

/** What the verifier knows of one key: everything a verify answer needs, precomputed. */
export interface IndexedKey {
  readonly keyId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly environment: KeyEnvironment;
  readonly expiresAt: string | null;
  readonly expiresAtMs: number;
  /** Revoked or deleted: both answer REVOKED. */
  revoked: boolean;
  access: KeyAccess;
  /** Shared with every key of the workspace; its plan decides PLAN_UPGRADE_REQUIRED. */
  readonly workspace: WorkspacePlan;
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

const SHA256_HEX = /^[0-9a-f]{64}$/;

const splitHex = (hex: string): SplitHash => {
  if (!SHA256_HEX.test(hex)) throw new Error('a secret hash is not 64 hex characters');
  return splitDigest(Buffer.from(hex, 'hex'));
};

/**
 * The in-memory index by keyed hash, fed by key, role and workspace events and read on every
 * verify without I/O. Each key's effective roles and permissions are computed when an event
 * changes them (its own, a role it holds, its workspace's plan), never on a verify.
 */
export class KeyIndex {
  private readonly bySecret = new Map<string, SecretEntry>();
  private readonly current = new Map<string, SecretEntry>();
  private readonly roles = new RoleGrants<IndexedKey>();
  private readonly workspaces = new WorkspacePlans();
  private readonly grantSets = new GrantSets();

  get size(): number {
    return this.current.size;
  }

  lookup(head: string): SecretEntry | undefined {
    return this.bySecret.get(head);
  }

  /** Throws on an event whose data is not what its type says; nothing is changed then. */
  apply(event: RecordedEvent): void {
    if (isKeyEvent(event)) this.applyKeyEvent(event);
    else if (isRoleEvent(event)) for (const key of [...this.roles.apply(event)]) this.recompute(key);
    else if (isWorkspaceEvent(event)) {
      const changed = this.workspaces.apply(event);
      // Plan changes are rare operator acts; a scan spares every key a reverse-index entry.
      if (changed !== undefined) for (const { key } of this.current.values()) if (key.workspaceId === changed) this.recompute(key);
    }
  }

  private applyKeyEvent(event: KeyEvent): void {
    if (event.type === 'KeyCreated') {
      this.create(event.data);
      return;
    }
    const entry = this.current.get(event.data.keyId);
    if (!entry) return;
    switch (event.type) {
      case 'KeyRotated': {
        const { head, tail } = splitHex(event.data.secretHash);
        entry.validUntilMs = Date.parse(event.data.previousKeyExpiresAt);
        this.addSecret(head, { key: entry.key, tail, validUntilMs: Infinity });
        return;
      }
      case 'KeyRevoked':
      case 'KeyDeleted':
        entry.key.revoked = true;
        return;
      default:
        this.changeAccess(entry.key, evolveKeyAccess(entry.key.access, event));
    }
  }

  private create(d: Extract<KeyEvent, { type: 'KeyCreated' }>['data']): void {
    // Everything that can throw on bad data runs before the index changes.
    const { head, tail } = splitHex(d.secretHash);
    const access: KeyAccess = { unrestricted: d.unrestricted === true, roles: [...d.roles], permissions: { ...d.permissions }, shares: [] };
    const key: IndexedKey = {
      keyId: d.keyId,
      workspaceId: d.workspaceId,
      name: d.name,
      environment: d.environment,
      expiresAt: d.expiresAt,
      expiresAtMs: d.expiresAt === null ? Infinity : Date.parse(d.expiresAt),
      revoked: false,
      access,
      workspace: this.workspaces.of(d.workspaceId),
      granted: this.granted(d.workspaceId, this.workspaces.of(d.workspaceId), access),
    };
    this.roles.hold(key, key.workspaceId, access.roles);
    this.addSecret(head, { key, tail, validUntilMs: Infinity });
  }

  private addSecret(head: string, entry: SecretEntry): void {
    this.bySecret.set(head, entry);
    this.current.set(entry.key.keyId, entry);
  }

  private changeAccess(key: IndexedKey, access: KeyAccess): void {
    if (access === key.access) return;
    const granted = this.granted(key.workspaceId, key.workspace, access);
    this.roles.release(key, key.workspaceId, key.access.roles);
    this.roles.hold(key, key.workspaceId, access.roles);
    key.access = access;
    key.granted = granted;
  }

  private recompute(key: IndexedKey): void {
    key.granted = this.granted(key.workspaceId, key.workspace, key.access);
  }

  private granted(workspaceId: string, workspace: WorkspacePlan, access: KeyAccess): GrantSet {
    const { entitlements } = workspace;
    const roleGrants = (roleId: string) => this.roles.grantsOf(workspaceId, roleId);
    const grants = effectiveGrants(access, roleGrants, entitlements);
    const roles = access.unrestricted ? [] : access.roles.filter((r) => isBuiltInRole(r) || (entitlements.customRoles && roleGrants(r) !== undefined));
    return this.grantSets.of(roles, grants);
  }
}
