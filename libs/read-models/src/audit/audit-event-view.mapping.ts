import { HIDDEN_EVENT_DATA_FIELDS, type AuditEventView, type AuditMetadataView, type JsonValue } from '@keyward/contracts';
import { positionToToken, type RecordedEvent } from '@keyward/event-store';

const HIDDEN: ReadonlySet<string> = new Set(HIDDEN_EVENT_DATA_FIELDS);

/** The history holds JSON: what was parsed from it is a `JsonValue` (objects lose their hidden fields). */
const visibleData = (data: unknown): JsonValue => {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data as JsonValue;
  return Object.fromEntries(Object.entries(data).filter(([field]) => !HIDDEN.has(field))) as JsonValue;
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

/**
 * The one home of what an auditor may see of an event; `hash`, its link of the chain, as the chain
 * holds it. The data is shown as stored, less the hidden fields, whatever its type: a known type's
 * shape (`KnownAuditEventView`) is what its writer (this code) appended, asserted, not re-validated.
 */
export const auditEventView = (event: RecordedEvent, hash: string | null): AuditEventView => ({
  position: positionToToken(event.position),
  streamId: event.streamId,
  type: event.type,
  data: visibleData(event.data),
  metadata: visibleMetadata(event.metadata),
  hash,
});
