import { ErrorCodes, type IdentityEvent, type IdentityExternalIdReserved } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import type { IdentityState } from './identity.state';

/**
 * How long a claim whose identity does not exist (yet) holds the external id: the claim is
 * appended just before the identity's creation, so one this old was left by a create that failed
 * in between (its append refused, its process gone).
 */
export const EXTERNAL_ID_CLAIM_GRACE_MS = 60_000;

/** The last claim in an external id's stream, if any. */
export interface ExternalIdClaim {
  readonly identityId: string;
  readonly reservedAt: string;
}

export const lastClaim = (events: readonly IdentityEvent[]): ExternalIdClaim | undefined => {
  const last = events.findLast((e): e is IdentityExternalIdReserved => e.type === 'IdentityExternalIdReserved');
  return last && { identityId: last.data.identityId, reservedAt: last.data.reservedAt };
};

export interface ClaimRequest {
  readonly identityId: string;
  readonly workspaceId: string;
  readonly externalId: string;
}

/**
 * Whether `request.identityId` may hold `request.externalId`: a claim is released by its holder
 * no longer holding the id (deleted, or renamed), never by an event of its own, so a crash
 * between a rename and its claim's release cannot leave an id taken for ever. `holder` is the last
 * claimant's state. Nothing to append when the claimant holds the last claim already.
 */
export const decideExternalIdClaim = (claim: ExternalIdClaim | undefined, holder: IdentityState, request: ClaimRequest, now: Date): IdentityEvent[] => {
  if (claim?.identityId === request.identityId) return [];
  if (claim) {
    const held = holder.status === 'active' && holder.workspaceId === request.workspaceId && holder.externalId === request.externalId;
    const creating = holder.status === 'absent' && now.getTime() - Date.parse(claim.reservedAt) < EXTERNAL_ID_CLAIM_GRACE_MS;
    if (held || creating) throw new DomainError(ErrorCodes.conflict, 'another identity of the workspace has this externalId', 'externalId');
  }
  return [{ type: 'IdentityExternalIdReserved', data: { ...request, reservedAt: now.toISOString() } }];
};
