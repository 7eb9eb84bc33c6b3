import type { JsonObject } from '../json-value';
import type { DomainEvent } from './domain-event';
import type { Credits, CreditsGeneration, NamedRateLimit } from './key-events';

/**
 * A customer or integration several keys belong to (product.md 9.2a): its keys share its named
 * limits and credits, and verify answers carry its id, external id and metadata.
 */
export interface IdentityDefinition {
  /** The caller's own id for it (e.g. `user_123`): 1 to 255 printable characters, unique in the workspace. */
  readonly externalId: string;
  readonly meta: JsonObject;
  readonly ratelimits: readonly NamedRateLimit[];
}

export interface IdentityCreatedData extends IdentityDefinition {
  /** Unique across workspaces (`idn_…`), so an identity stream is named by its id alone. */
  readonly identityId: string;
  readonly workspaceId: string;
  /** Generation 1 of the identity's credits; absent: none. */
  readonly credits?: Credits;
  readonly createdAt: string;
}

/** What a PATCH changed, whole: each field present was set. `credits` comes with its new generation. */
export interface IdentityChangedData extends Partial<IdentityDefinition> {
  readonly identityId: string;
  readonly workspaceId: string;
  readonly credits?: { readonly credits: Credits | null; readonly generation: CreditsGeneration };
  readonly changedAt: string;
}

/** Refused while live keys belong to it; a key whose identity is gone answers DISABLED (fail closed). */
export interface IdentityDeletedData {
  readonly identityId: string;
  readonly workspaceId: string;
  readonly deletedAt: string;
}

/**
 * The claim on an external id, in a stream of its own (one per workspace and external id, README
 * "Identities"; no identity's state, so not an `IdentityEvent`): appended with the stream's expected
 * version before the identity's own event, which is appended only while the claim stands, so two
 * identities of a workspace never hold one external id.
 */
export interface IdentityExternalIdReservedData {
  readonly identityId: string;
  readonly workspaceId: string;
  readonly externalId: string;
  readonly reservedAt: string;
}

export type IdentityCreated = DomainEvent<'IdentityCreated', IdentityCreatedData>;
export type IdentityChanged = DomainEvent<'IdentityChanged', IdentityChangedData>;
export type IdentityDeleted = DomainEvent<'IdentityDeleted', IdentityDeletedData>;
export type IdentityExternalIdReserved = DomainEvent<'IdentityExternalIdReserved', IdentityExternalIdReservedData>;

/** The identity's own stream (`identity-<id>`). */
export type IdentityEvent = IdentityCreated | IdentityChanged | IdentityDeleted;
export const IdentityEventTypes: readonly IdentityEvent['type'][] = ['IdentityCreated', 'IdentityChanged', 'IdentityDeleted'];

export const identityStreamId = (identityId: string): string => `identity-${identityId}`;
