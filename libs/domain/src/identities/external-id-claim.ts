import { ErrorCodes, type IdentityExternalIdReserved } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import type { IdentityState } from './identity.state';

/**
 * How long a claim holds the external id while its identity's own event has not landed (a create
 * or rename between its two appends): one this old was left by a write that failed in between
 * (its append refused, its process gone).
 */
export const EXTERNAL_ID_CLAIM_GRACE_MS = 60_000;

/** The last claim in an external id's stream, if any. */
export interface ExternalIdClaim {
  readonly identityId: string;
  readonly reservedAt: string;
}

export const lastClaim = (events: readonly IdentityExternalIdReserved[]): ExternalIdClaim | undefined => {
  const last = events.at(-1);
  return last && { identityId: last.data.identityId, reservedAt: last.data.reservedAt };
};

export interface ClaimRequest {
  readonly identityId: string;
  readonly workspaceId: string;
  readonly externalId: string;
}

/**
 * The holder's own event for its claim has landed, or something later: its claim is settled. The
 * claiming command stamps its claim and its event with one `now`, so this holds exactly then.
 */
const settled = (holder: IdentityState, claim: ExternalIdClaim): boolean =>
  holder.status === 'deleted' || (holder.status === 'active' && Date.parse(holder.updatedAt) >= Date.parse(claim.reservedAt));

/**
 * Whether `request.identityId` may hold `request.externalId`. A claim is released by its holder
 * no longer holding the id (deleted, or renamed since), never by an event of its own, so a crash
 * between two appends cannot leave an id taken for ever. A claim whose holder's event has not
 * landed yet is held for the grace period: that write may still append (the guard on the claim
 * stream is a plain read, so it must not be the only thing between two writers). `holder` is the
 * last claimant's state. Nothing to append when the claimant holds the last claim already.
 */
export const decideExternalIdClaim = (claim: ExternalIdClaim | undefined, holder: IdentityState, request: ClaimRequest, now: Date): IdentityExternalIdReserved[] => {
  if (claim?.identityId === request.identityId) return [];
  if (claim) {
    const held = holder.status === 'active' && holder.workspaceId === request.workspaceId && holder.externalId === request.externalId;
    const pending = !settled(holder, claim) && now.getTime() - Date.parse(claim.reservedAt) < EXTERNAL_ID_CLAIM_GRACE_MS;
    if (held || pending) throw new DomainError(ErrorCodes.conflict, 'another identity of the workspace has this externalId', 'externalId');
  }
  return [{ type: 'IdentityExternalIdReserved', data: { ...request, reservedAt: now.toISOString() } }];
};
