import { identityStreamId, keyStreamId, roleStreamId, workspaceStreamId, type IdentityEvent, type KeyAccessView, type KeyEvent, type RoleEvent, type WorkspaceEvent } from '@keyward/contracts';
import {
  IpAllowlistMatcher,
  decideVerify,
  effectiveGrants,
  entitlementsOf,
  heldRoles,
  identityDecider,
  isBuiltInRole,
  isLiveIdentity,
  keyDecider,
  keyStatusAt,
  lifetimeOf,
  permissionNames,
  planOf,
  roleDecider,
  workspaceDecider,
  requirementOf,
  type PermissionQuery,
  type RoleGrants,
} from '@keyward/domain';
import type { EventStore } from '@keyward/event-store';
import { foldUntil } from '../history/fold-until';

/** A list key-command validated; should a stored entry not parse, the list lets no address in (fail closed), rather than fail the answer. */
const allowlistOf = (entries: readonly string[]): Pick<IpAllowlistMatcher, 'allows'> | null => {
  try {
    return IpAllowlistMatcher.of(entries) ?? null;
  } catch {
    return { allows: () => false };
  }
};

/** What an auditor asks: the moment, and what a verify at that moment would have carried. */
export interface KeyAccessQuestion {
  readonly asOf: Date;
  readonly required: PermissionQuery;
  /** The caller's address; `undefined`: none given (outside any allowlist, as in a verify). */
  readonly ip?: string;
}

/**
 * What a key could do at a moment, from the history alone: the key's stream, the streams of its
 * custom roles, of its identity and of its workspace, each folded by the domain's `evolve` up to that moment,
 * then the domain's own verify decision. Rate-limit windows and usage are not in the history and
 * are never replayed.
 */
export class KeyAccessQueries {
  constructor(private readonly store: EventStore) {}

  /**
   * `undefined` for a key that did not exist then, was deleted by then, or belongs to another
   * workspace. The key's status is its own: the answer is about the key's current secret, so a
   * secret rotated away is not asked about (its verify after the grace answers EXPIRED).
   */
  async get(workspaceId: string, keyId: string, question: KeyAccessQuestion): Promise<KeyAccessView | undefined> {
    const untilMs = question.asOf.getTime();
    const { events } = await this.store.readStream<KeyEvent>(keyStreamId(keyId));
    const key = foldUntil(events, keyDecider.evolve, keyDecider.initialState(), untilMs);
    if (key.status === 'absent' || key.deletedAt !== null || key.workspaceId !== workspaceId) return undefined;

    const customRoles = [...new Set(key.roles.filter((roleId) => !isBuiltInRole(roleId)))];
    const { identityId } = key;
    const [workspaceStream, identityLive, ...roleStreams] = await Promise.all([
      this.store.readStream<WorkspaceEvent>(workspaceStreamId(workspaceId)),
      identityId === null ? true : this.identityLiveAt(identityId, workspaceId, untilMs),
      ...customRoles.map((roleId) => this.store.readStream<RoleEvent>(roleStreamId(roleId))),
    ]);
    const workspace = workspaceDecider(workspaceId);
    const plan = planOf(foldUntil(workspaceStream.events, workspace.evolve, workspace.initialState(), untilMs));
    const entitlements = entitlementsOf(plan);
    // Each role as its own history made it by then: edited, deleted or not yet created.
    const rolesThen = new Map(customRoles.map((roleId, i) => [roleId, foldUntil(roleStreams[i].events, roleDecider.evolve, roleDecider.initialState(), untilMs)]));
    const roleGrants: RoleGrants = (roleId) => {
      const role = rolesThen.get(roleId);
      return role?.status === 'active' && role.workspaceId === workspaceId ? role.grants : undefined;
    };

    const grants = effectiveGrants(key, roleGrants, entitlements);
    const lifetime = lifetimeOf(key);
    // `disabled` as the verifier's index has it (the key's own flag, or an identity not live then: fail closed); decideVerify ranks DISABLED after REVOKED and EXPIRED.
    const verifiable = { ...lifetime, disabled: !key.enabled || !identityLive, workspace: { entitlements }, ipAllowlist: allowlistOf(key.ipAllowlist), granted: { grants } };
    const code = decideVerify(verifiable, Infinity, question.required, question.ip, untilMs);
    return {
      keyId,
      workspaceId,
      asOf: question.asOf.toISOString(),
      status: keyStatusAt(lifetime, question.asOf),
      restricted: !key.unrestricted,
      assignedRoles: key.roles,
      roles: heldRoles(key, roleGrants, entitlements),
      permissions: permissionNames(grants),
      plan,
      entitlements,
      ipAllowlist: key.ipAllowlist,
      require: [requirementOf(question.required)].flat(),
      ip: question.ip ?? null,
      code,
      valid: code === 'VALID',
    };
  }

  /** The key's identity as its history made it by then: not yet created, deleted, or another workspace's is not live. */
  private async identityLiveAt(identityId: string, workspaceId: string, untilMs: number): Promise<boolean> {
    const { events } = await this.store.readStream<IdentityEvent>(identityStreamId(identityId));
    return isLiveIdentity(foldUntil(events, identityDecider.evolve, identityDecider.initialState(), untilMs), { identityId, workspaceId });
  }
}
