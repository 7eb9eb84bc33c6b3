import type { SealedValue } from '../sealed-value';
import type { DomainEvent } from './domain-event';

/** What an endpoint may subscribe to (product.md 9.5). */
export const WebhookEventTypes = ['key.expiring', 'key.stale', 'key.leaked', 'key.revoked', 'key.rate_limited', 'credential.deleted'] as const;
export type WebhookEventType = (typeof WebhookEventTypes)[number];

/** An endpoint's definition: where deliveries go and which event types it wants. */
export interface WebhookDefinition {
  /** An absolute https (or http) URL without user info. */
  readonly url: string;
  /** Distinct, in the order of `WebhookEventTypes`. */
  readonly events: readonly WebhookEventType[];
  readonly description: string;
}

export interface WebhookCreatedData extends WebhookDefinition {
  /** Unique across workspaces (`whk_…`), so a webhook stream is named by its id alone. */
  readonly webhookId: string;
  readonly workspaceId: string;
  /** The signing secret sealed under the webhook's own data key (the vault's): never the secret itself. */
  readonly sealedSecret: SealedValue;
  readonly createdAt: string;
}

/** The whole new definition and state after a PATCH. */
export interface WebhookChangedData extends WebhookDefinition {
  readonly webhookId: string;
  readonly workspaceId: string;
  readonly enabled: boolean;
  readonly changedAt: string;
}

export interface WebhookSecretRotatedData {
  readonly webhookId: string;
  readonly workspaceId: string;
  readonly sealedSecret: SealedValue;
  readonly rotatedAt: string;
}

/** Written by the sender (actor `system`) when an endpoint kept failing for the whole retry period. */
export interface WebhookDisabledData {
  readonly webhookId: string;
  readonly workspaceId: string;
  readonly reason: string;
  readonly disabledAt: string;
}

/** The projector destroys the secret's data key in the same transaction, as for a credential. */
export interface WebhookDeletedData {
  readonly webhookId: string;
  readonly workspaceId: string;
  readonly deletedAt: string;
}

export type WebhookCreated = DomainEvent<'WebhookCreated', WebhookCreatedData>;
export type WebhookChanged = DomainEvent<'WebhookChanged', WebhookChangedData>;
export type WebhookSecretRotated = DomainEvent<'WebhookSecretRotated', WebhookSecretRotatedData>;
export type WebhookDisabled = DomainEvent<'WebhookDisabled', WebhookDisabledData>;
export type WebhookDeleted = DomainEvent<'WebhookDeleted', WebhookDeletedData>;

export type WebhookEvent = WebhookCreated | WebhookChanged | WebhookSecretRotated | WebhookDisabled | WebhookDeleted;
export const WebhookDomainEventTypes: readonly WebhookEvent['type'][] = ['WebhookCreated', 'WebhookChanged', 'WebhookSecretRotated', 'WebhookDisabled', 'WebhookDeleted'];

export const webhookStreamId = (webhookId: string): string => `webhook-${webhookId}`;
