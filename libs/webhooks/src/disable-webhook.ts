import { randomUUID } from 'node:crypto';
import { ErrorCodes, webhookStreamId, type EventMetadata, type WebhookEvent } from '@keyward/contracts';
import { decideWebhook, DomainError, webhookDecider } from '@keyward/domain';
import { ConcurrencyError, type EventStore } from '@keyward/event-store';

const ATTEMPTS = 3;

/**
 * Appends `WebhookDisabled` with actor `system`, deciding on the webhook's stream as key-command
 * would. A webhook deleted or disabled meanwhile needs nothing; a concurrent change is decided on
 * again. Returns whether it disabled it now.
 */
export const disableWebhook = async (store: EventStore, webhookId: string, workspaceId: string, reason: string, causationId: string): Promise<boolean> => {
  const streamId = webhookStreamId(webhookId);
  for (let attempt = 1; ; attempt++) {
    const stream = await store.readStream<WebhookEvent>(streamId);
    const state = stream.events.reduce(webhookDecider.evolve, webhookDecider.initialState());
    const now = new Date();
    let events: WebhookEvent[];
    try {
      events = decideWebhook({ type: 'DisableWebhook', webhookId, workspaceId, reason }, state, now);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCodes.webhookNotFound) return false;
      throw error;
    }
    if (events.length === 0) return false;
    const metadata: EventMetadata = { workspaceId, actor: 'system', correlationId: randomUUID(), causationId, occurredAt: now.toISOString(), schemaVersion: 1 };
    try {
      await store.appendToStream(streamId, events.map((e) => ({ type: e.type, data: e.data, metadata })), { expectedVersion: stream.currentVersion ?? 'no_stream' });
      return true;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
    }
  }
};
