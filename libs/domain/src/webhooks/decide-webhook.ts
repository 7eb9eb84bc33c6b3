import { ErrorCodes, type WebhookEvent } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import type { CreateWebhook, DeleteWebhook, DisableWebhook, RotateWebhookSecret, UpdateWebhook, WebhookCommand } from './webhook.commands';
import type { ExistingWebhook, WebhookState } from './webhook.state';
import { MAX_WEBHOOKS_PER_WORKSPACE, validWebhookDescription, validWebhookEvents, validWebhookUrl } from './webhook-values';

/** Another workspace's webhook answers exactly like an unknown or deleted one. */
const existingWebhook = (state: WebhookState, command: { readonly webhookId: string; readonly workspaceId: string }): ExistingWebhook => {
  if (state.status !== 'active' || state.webhookId !== command.webhookId || state.workspaceId !== command.workspaceId) {
    throw new DomainError(ErrorCodes.webhookNotFound, 'no such webhook');
  }
  return state;
};

const createWebhook = (command: CreateWebhook, state: WebhookState, now: Date): WebhookEvent[] => {
  const url = validWebhookUrl(command.url);
  const events = validWebhookEvents(command.events);
  const description = validWebhookDescription(command.description);
  if (state.status !== 'absent') throw new DomainError(ErrorCodes.conflict, 'a webhook with this id exists already');
  if (command.workspaceWebhooks >= MAX_WEBHOOKS_PER_WORKSPACE) {
    throw new DomainError(ErrorCodes.conflict, `a workspace has at most ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks; delete one first`);
  }
  const { webhookId, workspaceId, sealedSecret } = command;
  return [{ type: 'WebhookCreated', data: { webhookId, workspaceId, url, events, description, sealedSecret, createdAt: now.toISOString() } }];
};

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const updateWebhook = (command: UpdateWebhook, state: WebhookState, now: Date): WebhookEvent[] => {
  const webhook = existingWebhook(state, command);
  const url = command.url === undefined ? webhook.url : validWebhookUrl(command.url);
  const events = command.events === undefined ? webhook.events : validWebhookEvents(command.events);
  const description = command.description === undefined ? webhook.description : validWebhookDescription(command.description);
  const enabled = command.enabled ?? webhook.enabled;
  if (url === webhook.url && sameList(events, webhook.events) && description === webhook.description && enabled === webhook.enabled) return [];
  return [{ type: 'WebhookChanged', data: { webhookId: webhook.webhookId, workspaceId: webhook.workspaceId, url, events, description, enabled, changedAt: now.toISOString() } }];
};

/** The old secret stops signing at once: receivers take the new one from the answer. */
const rotateSecret = (command: RotateWebhookSecret, state: WebhookState, now: Date): WebhookEvent[] => {
  const webhook = existingWebhook(state, command);
  return [{ type: 'WebhookSecretRotated', data: { webhookId: webhook.webhookId, workspaceId: webhook.workspaceId, sealedSecret: command.sealedSecret, rotatedAt: now.toISOString() } }];
};

/** Nothing to do for an endpoint disabled already (by a user meanwhile, or by an earlier attempt). */
const disableWebhook = (command: DisableWebhook, state: WebhookState, now: Date): WebhookEvent[] => {
  const webhook = existingWebhook(state, command);
  if (!webhook.enabled) return [];
  return [{ type: 'WebhookDisabled', data: { webhookId: webhook.webhookId, workspaceId: webhook.workspaceId, reason: command.reason, disabledAt: now.toISOString() } }];
};

const deleteWebhook = (command: DeleteWebhook, state: WebhookState, now: Date): WebhookEvent[] => {
  const webhook = existingWebhook(state, command);
  return [{ type: 'WebhookDeleted', data: { webhookId: webhook.webhookId, workspaceId: webhook.workspaceId, deletedAt: now.toISOString() } }];
};

/** Decides a webhook command against the webhook's state (stream `webhook-<id>`). */
export const decideWebhook = (command: WebhookCommand, state: WebhookState, now: Date): WebhookEvent[] => {
  switch (command.type) {
    case 'CreateWebhook':
      return createWebhook(command, state, now);
    case 'UpdateWebhook':
      return updateWebhook(command, state, now);
    case 'RotateWebhookSecret':
      return rotateSecret(command, state, now);
    case 'DisableWebhook':
      return disableWebhook(command, state, now);
    case 'DeleteWebhook':
      return deleteWebhook(command, state, now);
  }
};
