import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { ErrorCodes, type CommandRejection, type CommandReplyOf, type CommandRequest, type CommandResult, type CommandSubject } from '@keyward/contracts';
import { afterIoTurn, decodeCommandReply, encodeCommandMessage, NATS_CONNECTION, NatsLinkState } from '@keyward/platform';
import { ConsistencyService } from '../consistency/consistency.service';
import { ApiError, isErrorCode } from '../errors/api-error';
import { trackedCommands } from './command-attempts';

const COMMAND_TIMEOUT_MS = 5_000;

export interface Written<Result> {
  readonly result: Result;
  /** False when some follower had not applied the write within the bound. */
  readonly consistent: boolean;
}

/** A refusal by key-command, as the HTTP error the caller gets. */
export const rejectionToApiError = (rejection: CommandRejection): ApiError => {
  if (!isErrorCode(rejection.code)) return ApiError.internal();
  if (rejection.code === ErrorCodes.validationFailed && rejection.field) return ApiError.invalid([{ field: rejection.field, message: rejection.message }]);
  return new ApiError(rejection.code, rejection.message);
};

const unavailable = (): ApiError => new ApiError(ErrorCodes.unavailable, 'the key service did not answer; try again shortly');

/**
 * Sends commands (keys, roles, workspaces) to key-command and answers once the write is visible
 * (product.md section 5). On the shared raw connection: its requests share one reply subscription,
 * where `@nestjs/microservices`' client subscribed and unsubscribed an inbox for every command.
 */
@Injectable()
export class CommandClient {
  private readonly logger = new Logger(CommandClient.name);

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly link: NatsLinkState,
    private readonly consistency: ConsistencyService,
  ) {}

  /** The subject names the command: its request and result types come from the contract (`CommandContract`). */
  async send<S extends CommandSubject>(subject: S, request: CommandRequest<S>): Promise<Written<CommandResult<S>>> {
    const attempts = trackedCommands();
    attempts?.sending();
    const reply = await this.request(subject, request);
    if (!reply.ok) {
      attempts?.rejected();
      if (!isErrorCode(reply.error.code)) this.logger.error(`${subject} answered an unknown error code`);
      throw rejectionToApiError(reply.error);
    }
    attempts?.accepted(reply.position);
    const consistent = await this.consistency.waitFor(reply.position, request.context.correlationId);
    return { result: reply.result, consistent };
  }

  private async request<S extends CommandSubject>(subject: S, request: CommandRequest<S>): Promise<CommandReplyOf<S>> {
    // With the other requests of this turn, in one socket write.
    await afterIoTurn();
    // Sent now, the request would be dropped while reconnecting and hold the caller for the whole timeout.
    if (!this.link.isConnected) {
      this.logger.warn(`${subject} not sent: NATS is reconnecting`);
      throw unavailable();
    }
    try {
      const answer = await this.nats.request(subject, encodeCommandMessage(request), { timeout: COMMAND_TIMEOUT_MS });
      // key-command handles `S` through the same contract (`CommandContract`); the shape is checked.
      return decodeCommandReply(answer.data) as CommandReplyOf<S>;
    } catch (error) {
      // The name only: a transport error may carry the request, and the request may carry a secret.
      this.logger.warn(`${subject} got no answer: ${error instanceof Error ? error.name : 'unknown error'}`);
      throw unavailable();
    }
  }
}
