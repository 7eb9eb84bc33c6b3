import type { CommandReply } from '@keyward/contracts';

/** `ok`, or the error code the caller gets: what a command's log line and metrics say happened. */
export const outcomeOfReply = (reply: CommandReply<unknown>): string => (reply.ok ? 'ok' : reply.error.code);

/** Sane enough for a log field: the gateway sends its `X-Request-Id`; anything else on the bus is not trusted. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/** The correlation id a command carries in its context, if it is one. */
export const correlationIdOfCommand = (payload: unknown): string | undefined => {
  const context = typeof payload === 'object' && payload !== null ? (payload as { context?: unknown }).context : undefined;
  const id = typeof context === 'object' && context !== null ? (context as { correlationId?: unknown }).correlationId : undefined;
  return typeof id === 'string' && CORRELATION_ID.test(id) ? id : undefined;
};
