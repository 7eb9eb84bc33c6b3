import type { SealedValue } from '../sealed-value';
import type { CommandContext } from './command-context';

/**
 * The gateway draws the id and seals the secret under it (the id is the seal's associated data)
 * before sending: the plain secret never crosses the bus.
 */
export interface CreateWebhookRequest {
  readonly context: CommandContext;
  readonly webhookId: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly description?: string;
  readonly sealedSecret: SealedValue;
  /** The workspace's endpoints as the gateway counted them (read model), for the per-workspace cap. */
  readonly workspaceWebhooks: number;
}

/** Fields left out keep their value. */
export interface UpdateWebhookRequest {
  readonly context: CommandContext;
  readonly webhookId: string;
  readonly url?: string;
  readonly events?: readonly string[];
  readonly description?: string;
  readonly enabled?: boolean;
}

export interface RotateWebhookSecretRequest {
  readonly context: CommandContext;
  readonly webhookId: string;
  readonly sealedSecret: SealedValue;
}

export interface DeleteWebhookRequest {
  readonly context: CommandContext;
  readonly webhookId: string;
}

/** What a webhook write answers; the gateway reads the webhook back from its history. */
export interface WebhookResult {
  readonly id: string;
  readonly workspaceId: string;
}

/** Sent by the webhook sender (actor `system`, causation the failed delivery). */
export interface DisableWebhookRequest {
  readonly context: CommandContext;
  readonly webhookId: string;
  readonly reason: string;
}

/** `disabled` false: it was disabled (by its owner or an earlier attempt) already. */
export interface DisableWebhookResult {
  readonly id: string;
  readonly disabled: boolean;
}

export interface DeleteWebhookResult {
  readonly id: string;
  readonly deletedAt: string;
}
