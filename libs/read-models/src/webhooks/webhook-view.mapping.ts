import type { WebhookView } from '@keyward/contracts';
import type { ExistingWebhook } from '@keyward/domain';

/** What anyone is shown of a webhook: its definition and state, never the secret nor its sealed form. */
export const webhookView = (w: ExistingWebhook): WebhookView => ({
  id: w.webhookId,
  workspaceId: w.workspaceId,
  url: w.url,
  events: w.events,
  description: w.description,
  enabled: w.enabled,
  disabledReason: w.disabledReason,
  createdAt: w.createdAt,
  secretRotatedAt: w.secretRotatedAt,
  updatedAt: w.updatedAt,
});
