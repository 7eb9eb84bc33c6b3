import type { EntityManager } from 'typeorm';
import { isKeyEvent, type KeyCreated } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import { credentialTableChanges } from './credentials/credential-table.projection';
import { CredentialRow } from './credentials/credential-row.entity';
import { insertCreatedKeys, keyTableChanges } from './keys/key-table.projection';
import { KeyRow } from './keys/key-row.entity';
import { identityTableChanges } from './identities/identity-table.projection';
import { IdentityRow } from './identities/identity-row.entity';
import { readModelTable, type ReadModelTable } from './read-model-table';
import { roleTableChanges } from './roles/role-table.projection';
import { RoleRow } from './roles/role-row.entity';
import { webhookTableChanges } from './webhooks/webhook-table.projection';
import { WebhookRow } from './webhooks/webhook-row.entity';
import { workspaceTableChanges } from './workspaces/workspace-table.projection';
import { WorkspaceRow } from './workspaces/workspace-row.entity';

/**
 * The checkpoint of `projectEvents`: all read-model tables follow the history under one name, so
 * they always stand at the same position. It replaced `key-table` (keys only); migration
 * `ReplayReadModels1763900000003` dropped that checkpoint and emptied the key table so the new
 * projection rebuilds every table from the start.
 */
export const READ_MODELS_PROJECTION = 'read-models';

/**
 * Every table this projection builds from the history, which a replay rebuilds too. Not the usage
 * tables (usage is not in the history), not the event chain (its own follower, the evidence).
 */
export const READ_MODEL_TABLES: readonly ReadModelTable[] = [
  readModelTable(KeyRow, keyTableChanges),
  readModelTable(RoleRow, roleTableChanges),
  readModelTable(WorkspaceRow, workspaceTableChanges),
  readModelTable(CredentialRow, credentialTableChanges),
  readModelTable(WebhookRow, webhookTableChanges),
  readModelTable(IdentityRow, identityTableChanges),
];

/**
 * Applies one event to whichever table follows it. An event type this version does not know
 * (from a newer writer) changes nothing and is passed over, like everywhere else.
 */
const projectEvent = async (manager: EntityManager, event: RecordedEvent): Promise<void> => {
  for (const table of READ_MODEL_TABLES) await table.project(manager, event);
};

const isKeyCreated = (event: RecordedEvent): event is RecordedEvent<KeyCreated> => event.type === 'KeyCreated' && isKeyEvent(event);

/**
 * Applies a batch in order, as `projectEvent` one by one would, but consecutive key creations in
 * one insert. Only consecutive ones: an event between them may concern a key created before it.
 */
export const projectEvents = async (manager: EntityManager, events: readonly RecordedEvent[]): Promise<void> => {
  let created: RecordedEvent<KeyCreated>[] = [];
  for (const event of events) {
    if (isKeyCreated(event)) {
      created.push(event);
      continue;
    }
    if (created.length > 0) await insertCreatedKeys(manager, created);
    created = [];
    await projectEvent(manager, event);
  }
  if (created.length > 0) await insertCreatedKeys(manager, created);
};
