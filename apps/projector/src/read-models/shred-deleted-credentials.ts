import { isCredentialEvent, isWebhookEvent } from '@keyward/contracts';
import { projectEvents, type ProjectEvents } from '@keyward/read-models';
import { destroyDataKey } from '@keyward/vault';

/**
 * The read-model batch, then crypto-shredding of every credential it deleted, in the batch's own
 * transaction. The backstop, not the guarantee: the gateway's DELETE destroys the data key itself
 * before answering (its wait for the projector is bounded), and `keyward replay`, which moves the
 * checkpoint over events this never sees, destroys the keys of every credential the history
 * deleted in its swap. Destroying is idempotent, so whichever comes second changes nothing; a
 * rebuild into a fresh database has no keys to destroy.
 */
export const projectAndShred: ProjectEvents = async (manager, events) => {
  await projectEvents(manager, events);
  for (const event of events) {
    if (isCredentialEvent(event) && event.type === 'CredentialDeleted') await destroyDataKey(manager, event.data.credentialId);
    // A webhook's signing secret is sealed the same way, under a data key named by the webhook's id.
    if (isWebhookEvent(event) && event.type === 'WebhookDeleted') await destroyDataKey(manager, event.data.webhookId);
  }
};
