import type { CommandContext, EventMetadata } from '@keyward/contracts';

/** Bumped when an event's data changes shape, so readers can upcast old events. */
export const SCHEMA_VERSION = 1;

/** A command's context becomes every resulting event's metadata (product.md section 6). */
export const eventMetadata = (context: CommandContext, now: Date): EventMetadata => ({
  workspaceId: context.workspaceId,
  actor: context.actor,
  correlationId: context.correlationId,
  // Commands arrive from outside, so the request that caused the event is the correlation root,
  // unless the command says what caused it (a leak report).
  causationId: context.causationId ?? context.correlationId,
  occurredAt: now.toISOString(),
  ...(context.sourceIp ? { sourceIp: context.sourceIp } : {}),
  ...(context.userAgent ? { userAgent: context.userAgent } : {}),
  schemaVersion: SCHEMA_VERSION,
  // A repeat of the request finds these on the stream and is answered from them (earlier-attempt.ts).
  ...(context.idempotency ? { idempotencyKey: context.idempotency.key, requestFingerprint: context.idempotency.fingerprint } : {}),
});
