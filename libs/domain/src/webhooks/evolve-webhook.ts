import type { WebhookEvent } from '@keyward/contracts';
import type { WebhookState } from './webhook.state';

/** Folds one event into a webhook's state; unknown events and events before it was created change nothing. */
export const evolveWebhook = (state: WebhookState, event: WebhookEvent): WebhookState => {
  if (event.type === 'WebhookCreated') {
    const { createdAt, ...data } = event.data;
    return { status: 'active', ...data, enabled: true, disabledReason: null, createdAt, secretRotatedAt: null, updatedAt: createdAt };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'WebhookChanged': {
      const { url, events, description, enabled, changedAt } = event.data;
      // A user's change keeps the sender's reason only while the endpoint stays disabled.
      return { ...state, url, events, description, enabled, disabledReason: enabled ? null : state.disabledReason, updatedAt: changedAt };
    }
    case 'WebhookSecretRotated':
      return { ...state, sealedSecret: event.data.sealedSecret, secretRotatedAt: event.data.rotatedAt, updatedAt: event.data.rotatedAt };
    case 'WebhookDisabled':
      return { ...state, enabled: false, disabledReason: event.data.reason, updatedAt: event.data.disabledAt };
    case 'WebhookDeleted':
      return { ...state, status: 'deleted', updatedAt: event.data.deletedAt };
    default:
      return state;
  }
};
