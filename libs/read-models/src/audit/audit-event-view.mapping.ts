import type { AuditEventView, AuditMetadataView } from '@keyward/contracts';
import { positionToToken, type RecordedEvent } from '@keyward/event-store';

/**
 * Fields of event data an auditor never sees, whatever the event type: a secret's keyed hash
 * (KeyCreated, KeyRotated) would let anyone holding the pepper test guesses offline.
 */
const HIDDEN_DATA_FIELDS: ReadonlySet<string> = new Set(['secretHash']);

const visibleData = (data: unknown): unknown => {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([field]) => !HIDDEN_DATA_FIELDS.has(field)));
};

/** An allowlist, so that metadata added later stays hidden until someone decides auditors see it. */
const visibleMetadata = (metadata: RecordedEvent['metadata']): AuditMetadataView => ({
  actor: metadata.actor,
  correlationId: metadata.correlationId,
  causationId: metadata.causationId,
  occurredAt: metadata.occurredAt,
  ...(metadata.sourceIp !== undefined && { sourceIp: metadata.sourceIp }),
  ...(metadata.userAgent !== undefined && { userAgent: metadata.userAgent }),
  schemaVersion: metadata.schemaVersion,
});

/** The one home of what an auditor may see of an event; `hash`, its link of the chain, as the chain holds it. */
export const auditEventView = (event: RecordedEvent, hash: string | null): AuditEventView => ({
  position: positionToToken(event.position),
  streamId: event.streamId,
  type: event.type,
  data: visibleData(event.data),
  metadata: visibleMetadata(event.metadata),
  hash,
});
