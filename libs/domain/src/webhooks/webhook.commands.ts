import type { SealedValue } from '@keyward/contracts';

/** The secret arrives sealed (the gateway sealed it under this id): the domain never sees it. */
export interface CreateWebhook {
  readonly type: 'CreateWebhook';
  readonly webhookId: string;
  readonly workspaceId: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly description?: string;
  readonly sealedSecret: SealedValue;
  /** How many endpoints the workspace has now (the caller counts them; the read model may lag a little). */
  readonly workspaceWebhooks: number;
}

/** Fields left out keep their value; `enabled: true` turns an endpoint the sender disabled back on. */
export interface UpdateWebhook {
  readonly type: 'UpdateWebhook';
  readonly webhookId: string;
  readonly workspaceId: string;
  readonly url?: string;
  readonly events?: readonly string[];
  readonly description?: string;
  readonly enabled?: boolean;
}

export interface RotateWebhookSecret {
  readonly type: 'RotateWebhookSecret';
  readonly webhookId: string;
  readonly workspaceId: string;
  readonly sealedSecret: SealedValue;
}

/** The sender's, after an endpoint failed for the whole retry period. */
export interface DisableWebhook {
  readonly type: 'DisableWebhook';
  readonly webhookId: string;
  readonly workspaceId: string;
  readonly reason: string;
}

export interface DeleteWebhook {
  readonly type: 'DeleteWebhook';
  readonly webhookId: string;
  readonly workspaceId: string;
}

export type WebhookCommand = CreateWebhook | UpdateWebhook | RotateWebhookSecret | DisableWebhook | DeleteWebhook;
