import { ErrorCodes, type IdentityCreated, type IdentityEvent, type IdentityExternalIdReserved } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import { NOW, OTHER_WORKSPACE_ID, WORKSPACE_ID } from '../testing';
import { evolveIdentity } from './evolve-identity';
import { decideExternalIdClaim, EXTERNAL_ID_CLAIM_GRACE_MS, lastClaim } from './external-id-claim';
import { initialIdentityState, type IdentityState } from './identity.state';

const HOLDER = 'idn_hhhhhhhhhhhhhhhhhhhhhhhh';
const CLAIMANT = 'idn_cccccccccccccccccccccccc';
const request = { identityId: CLAIMANT, workspaceId: WORKSPACE_ID, externalId: 'user_1' };
const claim = { identityId: HOLDER, reservedAt: NOW.toISOString() };
const later = (ms: number) => new Date(NOW.getTime() + ms);
const holderCreated: IdentityCreated = { type: 'IdentityCreated', data: { identityId: HOLDER, workspaceId: WORKSPACE_ID, externalId: 'user_1', meta: {}, ratelimits: [], createdAt: NOW.toISOString() } };
const fold = (...events: IdentityEvent[]): IdentityState => events.reduce(evolveIdentity, initialIdentityState);
const reserved = (at: Date): IdentityExternalIdReserved[] => [{ type: 'IdentityExternalIdReserved', data: { ...request, reservedAt: at.toISOString() } }];
const refusal = (run: () => unknown): DomainError | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
};

describe('external id claims', () => {
  it('claims an id nobody claimed, and needs nothing more when the claimant holds the last claim', () => {
    expect(decideExternalIdClaim(undefined, initialIdentityState, request, NOW)).toEqual(reserved(NOW));
    expect(decideExternalIdClaim({ identityId: CLAIMANT, reservedAt: NOW.toISOString() }, initialIdentityState, request, NOW)).toEqual([]);
    expect(lastClaim([...reserved(NOW), ...reserved(later(1))])).toEqual({ identityId: CLAIMANT, reservedAt: later(1).toISOString() });
    expect(lastClaim([])).toBeUndefined();
  });

  it('refuses an id its holder still holds, with 409 at externalId', () => {
    expect(refusal(() => decideExternalIdClaim(claim, fold(holderCreated), request, later(10 * EXTERNAL_ID_CLAIM_GRACE_MS)))).toMatchObject({ code: ErrorCodes.conflict, field: 'externalId' });
  });

  it('takes an id over from a holder that was deleted, renamed, or is of another workspace', () => {
    const deleted: IdentityEvent = { type: 'IdentityDeleted', data: { identityId: HOLDER, workspaceId: WORKSPACE_ID, deletedAt: NOW.toISOString() } };
    const renamed: IdentityEvent = { type: 'IdentityChanged', data: { identityId: HOLDER, workspaceId: WORKSPACE_ID, externalId: 'user_2', changedAt: NOW.toISOString() } };
    expect(decideExternalIdClaim(claim, fold(holderCreated, deleted), request, NOW)).toEqual(reserved(NOW));
    expect(decideExternalIdClaim(claim, fold(holderCreated, renamed), request, NOW)).toEqual(reserved(NOW));
    const elsewhere: IdentityCreated = { ...holderCreated, data: { ...holderCreated.data, workspaceId: OTHER_WORKSPACE_ID } };
    expect(decideExternalIdClaim(claim, fold(elsewhere), request, NOW)).toEqual(reserved(NOW));
  });

  it('holds a claim whose holder’s rename has not landed yet (its last change is older), until the grace has passed', () => {
    const before = { ...holderCreated, data: { ...holderCreated.data, externalId: 'user_0', createdAt: later(-1_000).toISOString() } };
    expect(refusal(() => decideExternalIdClaim(claim, fold(before), request, later(1)))).toMatchObject({ code: ErrorCodes.conflict });
    const at = later(EXTERNAL_ID_CLAIM_GRACE_MS);
    expect(decideExternalIdClaim(claim, fold(before), request, at)).toEqual(reserved(at));
  });

  it('holds a claim whose identity is still being created, until the grace has passed', () => {
    expect(refusal(() => decideExternalIdClaim(claim, initialIdentityState, request, later(EXTERNAL_ID_CLAIM_GRACE_MS - 1)))).toMatchObject({ code: ErrorCodes.conflict });
    const at = later(EXTERNAL_ID_CLAIM_GRACE_MS);
    expect(decideExternalIdClaim(claim, initialIdentityState, request, at)).toEqual(reserved(at));
  });
});
