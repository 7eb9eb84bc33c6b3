import type { Credits, CreditsGeneration, CreditsView, IdentityView } from '@keyward/contracts';
import type { ExistingIdentity } from '@keyward/domain';
import type { IdentityRow } from './identity-row.entity';

/**
 * An identity as stored, for the gateway to show: the view less what is counted or live (the
 * key count, the credits' balance), with what the live balance is derived from.
 */
export interface IdentityRecord extends Omit<IdentityView, 'credits' | 'keyCount'> {
  readonly credits: Credits | null;
  readonly creditsGeneration: CreditsGeneration;
  readonly creditsSetAt: string | null;
}

export const identityRecordOfRow = (row: IdentityRow): IdentityRecord => ({
  id: row.id,
  workspaceId: row.workspaceId,
  externalId: row.externalId,
  meta: row.meta,
  ratelimits: row.ratelimits,
  credits: row.credits,
  creditsGeneration: row.creditsGeneration,
  creditsSetAt: row.creditsSetAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The same record from the identity's folded history: what the table will show once the projector has applied it. */
export const identityRecordOfState = (s: ExistingIdentity): IdentityRecord => ({
  id: s.identityId,
  workspaceId: s.workspaceId,
  externalId: s.externalId,
  meta: s.meta,
  ratelimits: s.ratelimits,
  credits: s.credits,
  creditsGeneration: s.creditsGeneration,
  creditsSetAt: s.creditsSetAt === null ? null : new Date(s.creditsSetAt).toISOString(),
  createdAt: new Date(s.createdAt).toISOString(),
  updatedAt: new Date(s.updatedAt).toISOString(),
});

/** What the API shows of an identity: with its count of live keys and its credits' live balance (the gateway reads it). */
export const identityView = (record: IdentityRecord, keyCount: number, credits: CreditsView | null): IdentityView => ({
  id: record.id,
  workspaceId: record.workspaceId,
  externalId: record.externalId,
  meta: record.meta,
  ratelimits: record.ratelimits,
  credits,
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
  keyCount,
});
