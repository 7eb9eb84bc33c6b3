import { Controller } from '@nestjs/common';
import { Subjects, type CommandReplyOf, type CreateWebhookRequest, type DeleteWebhookRequest, type DisableWebhookRequest, type RotateWebhookSecretRequest, type UpdateWebhookRequest } from '@keyward/contracts';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { CreateWebhookHandler } from './create-webhook.handler';
import { DeleteWebhookHandler } from './delete-webhook.handler';
import { DisableWebhookHandler } from './disable-webhook.handler';
import { RotateWebhookSecretHandler } from './rotate-webhook-secret.handler';
import { UpdateWebhookHandler } from './update-webhook.handler';
import { parseCreateWebhook, parseDeleteWebhook, parseDisableWebhook, parseRotateWebhookSecret, parseUpdateWebhook } from './webhook-payload';

const S = Subjects.webhookCommand;

@Controller()
export class WebhooksMessageController {
  constructor(
    private readonly createWebhook: CreateWebhookHandler,
    private readonly updateWebhook: UpdateWebhookHandler,
    private readonly rotateSecret: RotateWebhookSecretHandler,
    private readonly deleteWebhook: DeleteWebhookHandler,
    private readonly disableWebhook: DisableWebhookHandler,
  ) {}

  @CommandEndpoint(S.create, parseCreateWebhook)
  create(request: CreateWebhookRequest): Promise<CommandReplyOf<typeof S.create>> {
    return this.createWebhook.execute(request);
  }

  @CommandEndpoint(S.update, parseUpdateWebhook)
  update(request: UpdateWebhookRequest): Promise<CommandReplyOf<typeof S.update>> {
    return this.updateWebhook.execute(request);
  }

  @CommandEndpoint(S.rotateSecret, parseRotateWebhookSecret)
  rotate(request: RotateWebhookSecretRequest): Promise<CommandReplyOf<typeof S.rotateSecret>> {
    return this.rotateSecret.execute(request);
  }

  @CommandEndpoint(S.disable, parseDisableWebhook)
  disable(request: DisableWebhookRequest): Promise<CommandReplyOf<typeof S.disable>> {
    return this.disableWebhook.execute(request);
  }

  @CommandEndpoint(S.delete, parseDeleteWebhook)
  delete(request: DeleteWebhookRequest): Promise<CommandReplyOf<typeof S.delete>> {
    return this.deleteWebhook.execute(request);
  }
}
