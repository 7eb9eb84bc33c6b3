import { ErrorCodes } from '@keyward/contracts';
import { isWebhookId } from '@keyward/domain';
import { ApiError } from '../errors/api-error';
import { idPipe } from '../http/id.pipe';

export const webhookNotFound = (): ApiError => new ApiError(ErrorCodes.webhookNotFound, 'no such webhook');

export const WebhookIdPipe = idPipe(isWebhookId, webhookNotFound);
