import { isCredentialEvent, isWebhookEvent } from '@keyward/contracts';
import { projectEvents, type ProjectEvents } from '@keyward/read-models';
import { destroyDataKey } from '@keyward/vault';

/**
 * The read-model batch, then crypto-shredding of every credential and webhook it deleted, in the batch's own
 * transaction: a DELETE waits for the projector, so once it answers, no sealed value of that
 * credential anywhere in the history opens again. A replay finds the key destroyed already
 * (destroying is idempotent), and a rebuild into a fresh database has no keys to destroy.
 */
export const projectAndShred: ProjectEvents = async (manager, events) => {
  await projectEvents(manager, events);
  for (const event of events) {
    if (isCredentialEvent(event) && event.type === 'CredentialDeleted') await destroyDataKey(manager, event.data.credentialId);
    // A webhook's signing secret is sealed the same way, under a data key named by the webhook's id.
    if (isWebhookEvent(event) && event.type === 'WebhookDeleted') await destroyDataKey(manager, event.data.webhookId);
  }
};
