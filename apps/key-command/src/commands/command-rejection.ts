import { Logger } from '@nestjs/common';
import { ErrorCodes, type CommandReply } from '@keyward/contracts';
import { DomainError } from '@keyward/domain';
import { ConcurrencyError } from '@keyward/event-store';
import { isDependencyDown } from '@keyward/platform';

const logger = new Logger('CommandRejection');

/** What a stream holds, from its name (`key-…`, `role-…`, `workspace-…`: the contracts' stream ids). */
const aggregateOf = (streamId: string): string => streamId.slice(0, streamId.indexOf('-'));

/**
 * Every failure becomes a typed `CommandReply` rejection, so the gateway never sees a bare error
 * and key-command never crashes on a bad message. A store that is down is `UNAVAILABLE` (503), not
 * `INTERNAL`: the command may be retried once it is back.
 */
export const commandRejection = (exception: unknown): CommandReply<never> => {
  if (exception instanceof DomainError) {
    const { code, message, field } = exception;
    return { ok: false, error: { code, message, ...(field ? { field } : {}) } };
  }
  if (exception instanceof ConcurrencyError) {
    return { ok: false, error: { code: ErrorCodes.conflict, message: `the ${aggregateOf(exception.streamId)} was changed by another request at the same time; try again` } };
  }
  if (isDependencyDown(exception)) {
    // Expected while PostgreSQL restarts: one line, and the gateway answers 503 with Retry-After.
    logger.warn(`command failed, a dependency is unavailable: ${exception instanceof Error ? exception.message : 'unknown error'}`);
    return { ok: false, error: { code: ErrorCodes.unavailable, message: 'the event store is unavailable; try again shortly' } };
  }
  // Only the error's name and message: command payloads may hold values we must not log.
  logger.error(`command failed: ${exception instanceof Error ? `${exception.name}: ${exception.message}` : 'unknown error'}`);
  return { ok: false, error: { code: ErrorCodes.internal, message: 'internal error' } };
};
