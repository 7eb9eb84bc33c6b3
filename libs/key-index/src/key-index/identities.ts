import type { VerifyIdentity } from '@keyward/contracts';
import type { IndexIdentityEvent, IndexIdentityFields } from './index-event.parser';
import { MalformedEventError } from './index-event.parser';
import { indexedNamedLimits, namedLimitsOf, type IndexedCredits, type IndexedNamedLimit } from './key-extras';

/** One identity as verify reads it; replaced (never changed) by each change, so a cached answer can compare it. */
export interface IndexedIdentity {
  readonly workspaceId: string;
  /** What verify answers carry, made once per change. */
  readonly answer: VerifyIdentity;
  readonly ratelimits: readonly IndexedNamedLimit[];
  readonly credits: IndexedCredits | null;
}

/** An identity as a snapshot holds it. */
export type IdentityRow = readonly [identityId: string, workspaceId: string, fields: IndexIdentityFields];

const indexed = (identityId: string, workspaceId: string, f: IndexIdentityFields): IndexedIdentity =>
  Object.freeze({
    workspaceId,
    answer: Object.freeze({ id: identityId, externalId: f.externalId, meta: f.meta }),
    ratelimits: indexedNamedLimits(identityId, f.ratelimits),
    credits: f.credits === null ? null : { ownerId: identityId, setting: f.credits },
  });

const fieldsOf = (identity: IndexedIdentity): IndexIdentityFields => ({
  externalId: identity.answer.externalId,
  meta: identity.answer.meta,
  ratelimits: namedLimitsOf(identity.ratelimits),
  credits: identity.credits?.setting ?? null,
});

/**
 * The live identities by id. A deleted one is gone: its keys then answer DISABLED, as do keys
 * naming an identity of another workspace (fail closed: a key never borrows another tenant's).
 */
export class Identities {
  private readonly byId = new Map<string, IndexedIdentity>();

  static of(rows: readonly IdentityRow[]): Identities {
    const identities = new Identities();
    for (const [identityId, workspaceId, fields] of rows) identities.byId.set(identityId, indexed(identityId, workspaceId, fields));
    return identities;
  }

  /** The identity, if it is live and of `workspaceId`. */
  of(identityId: string, workspaceId: string): IndexedIdentity | undefined {
    const identity = this.byId.get(identityId);
    return identity?.workspaceId === workspaceId ? identity : undefined;
  }

  apply(event: IndexIdentityEvent): void {
    const { identityId, workspaceId } = event.data;
    const known = this.byId.get(identityId);
    switch (event.type) {
      case 'IdentityCreated': {
        if (known) throw new MalformedEventError('IdentityCreated: identityId is already indexed');
        this.byId.set(identityId, indexed(identityId, workspaceId, event.data));
        return;
      }
      case 'IdentityChanged': {
        // A change of an unknown identity (skipped creation), or one naming another workspace, changes nothing.
        if (known?.workspaceId !== workspaceId) return;
        const { externalId, meta, ratelimits, credits } = event.data;
        const now = fieldsOf(known);
        const changed: IndexIdentityFields = {
          externalId: externalId ?? now.externalId,
          meta: meta ?? now.meta,
          ratelimits: ratelimits ?? now.ratelimits,
          credits: credits === undefined ? now.credits : credits,
        };
        this.byId.set(identityId, indexed(identityId, workspaceId, changed));
        return;
      }
      default:
        if (known?.workspaceId === workspaceId) this.byId.delete(identityId);
    }
  }

  rows(): IdentityRow[] {
    return [...this.byId].map(([identityId, identity]) => [identityId, identity.workspaceId, fieldsOf(identity)] as const);
  }
}
