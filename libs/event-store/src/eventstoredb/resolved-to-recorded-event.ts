import type { AllStreamResolvedEvent, ResolvedEvent } from '@eventstore/db-client';
import type { EventMetadata } from '@keyward/contracts';
import type { RecordedEvent } from '../event-store.port';

/** `$`-prefixed types are the server's own (stream metadata, links, statistics), never Keyward's. */
export const isSystemEvent = (type: string): boolean => type.startsWith('$');

/**
 * Maps an event as the client reads it, or `undefined` for a system event. Keyward's events are
 * appended as JSON, so data and metadata come back parsed.
 */
export const resolvedToRecordedEvent = (resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined => {
  const e = resolved.event;
  if (!e || isSystemEvent(e.type)) return undefined;
  // Stream reads carry positions from server 22.10 on; without one the global order is unknown.
  if (!e.position) throw new Error(`EventStoreDB returned ${e.streamId}@${e.revision} without a position: it needs server version 22.10 or later`);
  return {
    eventId: e.id,
    type: e.type,
    data: e.data,
    metadata: e.metadata as unknown as EventMetadata,
    streamId: e.streamId,
    streamVersion: e.revision,
    position: { commit: e.position.commit, prepare: e.position.prepare },
    recordedAt: new Date(e.created),
  };
};
