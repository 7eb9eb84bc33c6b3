import type { WebhookEvent } from '@keyward/contracts';
import type { Decider } from '../decider';
import { decideWebhook } from './decide-webhook';
import { evolveWebhook } from './evolve-webhook';
import type { WebhookCommand } from './webhook.commands';
import { initialWebhookState, type WebhookState } from './webhook.state';

/** The webhook aggregate (stream `webhook-<id>`) as one decider. */
export const webhookDecider: Decider<WebhookCommand, WebhookEvent, WebhookState> = {
  decide: decideWebhook,
  evolve: evolveWebhook,
  initialState: () => initialWebhookState,
};

