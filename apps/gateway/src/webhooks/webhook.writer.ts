import { Injectable } from '@nestjs/common';
import type { Subjects, WebhookView } from '@keyward/contracts';
import { webhookView, WebhookStateQueries } from '@keyward/read-models';
import { CommandClient } from '../commands/command.client';
import { ReadBackWriter } from '../commands/read-back.writer';
import { webhookNotFound } from './webhook-id.pipe';

type WebhookWriteSubject = (typeof Subjects.webhookCommand)['create' | 'update' | 'rotateSecret'];

/** A webhook write answers the webhook as its history now shows it, whether or not the projector caught up. */
@Injectable()
export class WebhookWriter extends ReadBackWriter<WebhookWriteSubject, WebhookView> {
  constructor(commands: CommandClient, webhooks: WebhookStateQueries) {
    super(commands, {
      read: async (request, result) => {
        const state = await webhooks.get(request.context.workspaceId, result.id);
        return state && webhookView(state);
      },
      gone: webhookNotFound,
    });
  }
}
