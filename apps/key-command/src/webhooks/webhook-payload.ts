import { ErrorCodes, type CommandReply, type Subjects, type WebhookEvent, type WebhookResult } from '@keyward/contracts';
import { DomainError, isWebhookId, MAX_WEBHOOK_URL_LENGTH, textInput, type WebhookState } from '@keyward/domain';
import type { CommandParser } from '../commands/command-endpoint.decorator';
import type { Handled } from '../commands/command.handler';
import { asBoolean, asCommandContext, asCount, asObject, asString, asStringArray, optional } from '../commands/command-payload';
import { asSealedValue } from '../credentials/credential-payload';

type S = typeof Subjects.webhookCommand;

/** A malformed id can name no webhook, so it is answered as an unknown one. */
const asWebhookId = (value: unknown): string => {
  if (isWebhookId(value)) return value;
  throw new DomainError(ErrorCodes.webhookNotFound, 'no such webhook');
};

/** Longer than any accepted value, so that the domain, not the parser, says what is wrong with it. */
const asUrl = (value: unknown): string => asString(value, 'url', MAX_WEBHOOK_URL_LENGTH + 1);
const asEvents = (value: unknown): string[] => asStringArray(value, 'events', 20);
const asDescription = (value: unknown): string => textInput(value, 'description');

export const parseCreateWebhook: CommandParser<S['create']> = (payload) => {
  const p = asObject(payload, 'command');
  return {
    context: asCommandContext(p.context),
    webhookId: asWebhookId(p.webhookId),
    url: asUrl(p.url),
    events: asEvents(p.events),
    description: optional(p.description, asDescription),
    sealedSecret: asSealedValue(p.sealedSecret, 'sealedSecret'),
    workspaceWebhooks: asCount(p.workspaceWebhooks, 'workspaceWebhooks'),
  };
};

export const parseUpdateWebhook: CommandParser<S['update']> = (payload) => {
  const p = asObject(payload, 'command');
  return {
    context: asCommandContext(p.context),
    webhookId: asWebhookId(p.webhookId),
    url: optional(p.url, asUrl),
    events: optional(p.events, asEvents),
    description: optional(p.description, asDescription),
    enabled: optional(p.enabled, (v) => asBoolean(v, 'enabled')),
  };
};

export const parseRotateWebhookSecret: CommandParser<S['rotateSecret']> = (payload) => {
  const p = asObject(payload, 'command');
  return { context: asCommandContext(p.context), webhookId: asWebhookId(p.webhookId), sealedSecret: asSealedValue(p.sealedSecret, 'sealedSecret') };
};

/** The reason is the sender's own text (how long, the last error), shown to the endpoint's owner. */
export const parseDisableWebhook: CommandParser<S['disable']> = (payload) => {
  const p = asObject(payload, 'command');
  return { context: asCommandContext(p.context), webhookId: asWebhookId(p.webhookId), reason: asString(p.reason, 'reason') };
};

export const parseDeleteWebhook: CommandParser<S['delete']> = (payload) => {
  const p = asObject(payload, 'command');
  return { context: asCommandContext(p.context), webhookId: asWebhookId(p.webhookId) };
};

/** What a webhook write answers: which webhook, for the gateway to read back from its history. */
export const webhookReply = ({ state, position }: Handled<WebhookState, WebhookEvent>): CommandReply<WebhookResult> => {
  if (state.status !== 'active') throw new Error('a webhook write left the webhook inactive');
  return { ok: true, position, result: { id: state.webhookId, workspaceId: state.workspaceId } };
};
