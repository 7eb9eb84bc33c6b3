import type { SealedValue, WebhookDefinition } from '@keyward/contracts';

/** As created, with every change since folded in; the sealed secret is for the sender, which opens it through the vault. */
export interface ExistingWebhook extends WebhookDefinition {
  readonly status: 'active' | 'deleted';
  readonly webhookId: string;
  readonly workspaceId: string;
  readonly enabled: boolean;
  /** Set when the sender disabled it; `null` while enabled or when a user disabled it. */
  readonly disabledReason: string | null;
  readonly sealedSecret: SealedValue;
  readonly createdAt: string;
  readonly secretRotatedAt: string | null;
  /** The last change of any kind. */
  readonly updatedAt: string;
}

export type WebhookState = { readonly status: 'absent' } | ExistingWebhook;
export const initialWebhookState: WebhookState = { status: 'absent' };
