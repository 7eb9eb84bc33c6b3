import { Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import { of, type Observable } from 'rxjs';
import { ErrorCodes, type CommandReply } from '@keyward/contracts';
import { DomainError } from '@keyward/domain';
import { ConcurrencyError } from '@keyward/event-store';

/**
 * Every failure becomes a typed `CommandReply` rejection, so the gateway never sees a framework
 * error and key-command never crashes on a bad message.
 */
@Catch()
export class CommandExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(CommandExceptionFilter.name);

  catch(exception: unknown): Observable<CommandReply<never>> {
    if (exception instanceof DomainError) {
      const { code, message, field } = exception;
      return of({ ok: false, error: { code, message, ...(field ? { field } : {}) } });
    }
    if (exception instanceof ConcurrencyError) {
      return of({ ok: false, error: { code: ErrorCodes.conflict, message: 'the key was changed by another request at the same time; try again' } });
    }
    // Only the error's name and message: command payloads may hold values we must not log.
    this.logger.error(`command failed: ${exception instanceof Error ? `${exception.name}: ${exception.message}` : 'unknown error'}`);
    return of({ ok: false, error: { code: ErrorCodes.internal, message: 'internal error' } });
  }
}
