import type { SealedValue } from '../sealed-value';
import type { DomainEvent } from './domain-event';

/** Where the broker puts the value in an outbound request (product.md 9.4). */
export const CredentialLocations = ['header', 'query', 'bearer'] as const;
export type CredentialLocation = (typeof CredentialLocations)[number];

/** The principals a credential is shared with; both empty: personal (its owner only). */
export interface CredentialSharing {
  readonly keys: readonly string[];
  readonly roles: readonly string[];
}

/** What a credential is for: the service, and where the broker may send its value and how. */
export interface CredentialDefinition {
  readonly service: string;
  readonly name: string;
  readonly location: CredentialLocation;
  /** The header or query parameter; `Authorization` for `bearer`. */
  readonly parameterName: string;
  /** Lowercase ASCII hostnames (IDNA) or IP literals the value may be sent to. */
  readonly allowedHosts: readonly string[];
}

export interface CredentialStoredData extends CredentialDefinition {
  /** Unique across workspaces (`cred_…`), so a credential stream is named by its id alone. */
  readonly credentialId: string;
  readonly workspaceId: string;
  /** The key that stored it (the root key's actor when the root key did). */
  readonly ownerKeyId: string;
  readonly sharedWith: CredentialSharing;
  /** The value sealed under the credential's own data key: never the value itself. */
  readonly sealedValue: SealedValue;
  /** What the list shows of the value (product.md 9.4). */
  readonly lastFour: string;
  readonly storedAt: string;
}

/** The credential's whole new definition after a PATCH: name, location and hosts travel together. */
export interface CredentialChangedData extends Omit<CredentialDefinition, 'service'> {
  readonly credentialId: string;
  readonly workspaceId: string;
  readonly changedAt: string;
}

export interface CredentialValueRotatedData {
  readonly credentialId: string;
  readonly workspaceId: string;
  readonly sealedValue: SealedValue;
  readonly lastFour: string;
  readonly rotatedAt: string;
}

/** One principal given use of the credential; a sharing change writes one per principal added or removed. */
export interface CredentialSharedData {
  readonly credentialId: string;
  readonly workspaceId: string;
  readonly principal: CredentialPrincipal;
}

export type CredentialUnsharedData = CredentialSharedData;

export interface CredentialPrincipal {
  readonly kind: 'key' | 'role';
  readonly id: string;
}

/**
 * Its data key is destroyed by the gateway before the DELETE answers, by the projector as it
 * applies the event (a backstop) and by `keyward replay` for every delete in the history: the
 * sealed values in the history can never be opened again.
 */
export interface CredentialDeletedData {
  readonly credentialId: string;
  readonly workspaceId: string;
  readonly deletedAt: string;
}

export type CredentialStored = DomainEvent<'CredentialStored', CredentialStoredData>;
export type CredentialChanged = DomainEvent<'CredentialChanged', CredentialChangedData>;
export type CredentialValueRotated = DomainEvent<'CredentialValueRotated', CredentialValueRotatedData>;
export type CredentialShared = DomainEvent<'CredentialShared', CredentialSharedData>;
export type CredentialUnshared = DomainEvent<'CredentialUnshared', CredentialUnsharedData>;
export type CredentialDeleted = DomainEvent<'CredentialDeleted', CredentialDeletedData>;

export type CredentialEvent = CredentialStored | CredentialChanged | CredentialValueRotated | CredentialShared | CredentialUnshared | CredentialDeleted;
export const CredentialEventTypes: readonly CredentialEvent['type'][] = [
  'CredentialStored',
  'CredentialChanged',
  'CredentialValueRotated',
  'CredentialShared',
  'CredentialUnshared',
  'CredentialDeleted',
];

export const credentialStreamId = (credentialId: string): string => `credential-${credentialId}`;
