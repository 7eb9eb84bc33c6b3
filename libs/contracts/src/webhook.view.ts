import type { WebhookDefinition, WebhookEventType } from './events/webhook-events';

/** An endpoint as the gateway shows it: never its signing secret, which only create and rotate answer. */
export interface WebhookView extends WebhookDefinition {
  readonly id: string;
  readonly workspaceId: string;
  readonly enabled: boolean;
  /** Why it is disabled, when the sender disabled it (a PATCH that enables it clears this). */
  readonly disabledReason: string | null;
  readonly createdAt: string;
  readonly secretRotatedAt: string | null;
  readonly updatedAt: string;
}

/** What create and rotate answer, the one time the secret is shown (Standard Webhooks' `whsec_` form). */
export interface WebhookWithSecretView extends WebhookView {
  readonly secret: string;
}

/** `pending` while it is still being tried; `abandoned` when its endpoint was disabled or deleted first. */
export const WebhookDeliveryStatuses = ['pending', 'delivered', 'failed', 'abandoned'] as const;
export type WebhookDeliveryStatus = (typeof WebhookDeliveryStatuses)[number];

/** One try of a delivery and what the endpoint answered. */
export interface WebhookAttemptView {
  readonly attemptedAt: string;
  /** The HTTP status answered; `null` when none came (refused, unreachable, timed out). */
  readonly status: number | null;
  readonly durationMs: number;
  readonly error: string | null;
}

export interface WebhookDeliveryView {
  /** The `webhook-id` header: the same on every try, so the receiver can drop repeats. */
  readonly id: string;
  readonly webhookId: string;
  readonly eventType: WebhookEventType;
  /** The history event that caused it (`GET /v1/audit/events`), or the id of the reminder or rate-limit notice it is, which no history event causes. */
  readonly eventId: string;
  readonly status: WebhookDeliveryStatus;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  readonly nextAttemptAt: string | null;
  /** Oldest first. */
  readonly attempts: readonly WebhookAttemptView[];
}
