import { webhookStreamId, type WebhookEvent } from '@keyward/contracts';
import { webhookDecider, type ExistingWebhook } from '@keyward/domain';
import type { EventStore } from '@keyward/event-store';

/**
 * One webhook as its own history says it is now: writes answer from it whether or not the
 * projector caught up, and the sender takes the URL and sealed secret of each try from it.
 */
export class WebhookStateQueries {
  constructor(private readonly store: EventStore) {}

  /** `undefined` for an unknown or deleted webhook and for another workspace's, alike. */
  async get(workspaceId: string, webhookId: string): Promise<ExistingWebhook | undefined> {
    const { events } = await this.store.readStream<WebhookEvent>(webhookStreamId(webhookId));
    const state = events.reduce(webhookDecider.evolve, webhookDecider.initialState());
    return state.status === 'active' && state.workspaceId === workspaceId ? state : undefined;
  }
}
