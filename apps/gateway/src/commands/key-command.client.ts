import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { ErrorCodes, type CommandReply } from '@keyward/contracts';
import { BUS_CLIENT } from '@keyward/platform';
import { ConsistencyService } from '../consistency/consistency.service';
import { ApiError } from '../errors/api-error';

const COMMAND_TIMEOUT_MS = 5_000;

export interface Written<Result> {
  readonly result: Result;
  /** False when some follower had not applied the write within the bound. */
  readonly consistent: boolean;
}

/**
 * Sends a command to key-command and answers only once every live follower has applied the
 * resulting events (product.md section 5), so the caller's next read or verify already sees it.
 */
@Injectable()
export class KeyCommandClient {
  private readonly logger = new Logger(KeyCommandClient.name);

  constructor(
    @Inject(BUS_CLIENT) private readonly bus: ClientProxy,
    private readonly consistency: ConsistencyService,
  ) {}

  async send<Request, Result>(subject: string, request: Request): Promise<Written<Result>> {
    let reply: CommandReply<Result>;
    try {
      reply = await firstValueFrom(this.bus.send<CommandReply<Result>, Request>(subject, request).pipe(timeout(COMMAND_TIMEOUT_MS)));
    } catch (error) {
      this.logger.warn(`command ${subject} got no answer: ${error instanceof Error ? error.name : 'unknown'}`);
      throw new ApiError(ErrorCodes.unavailable, 'the key service did not answer; try again shortly');
    }
    if (!reply.ok) {
      const { code, message, field } = reply.error;
      throw new ApiError(code, field ? 'the request is not valid' : message, field ? [{ field, message }] : undefined);
    }
    const consistent = await this.consistency.waitFor(reply.position);
    return { result: reply.result, consistent };
  }
}
