import type { RecordedEvent } from './event-store.port';

/**
 * Which events a read of the global order keeps (an auditor's query): every field given must
 * match. Times are the events' own `metadata.occurredAt`, `from` inclusive, `to` exclusive.
 */
export interface EventFilter {
  readonly workspaceId?: string;
  readonly streamId?: string;
  readonly type?: string;
  readonly actor?: string;
  readonly from?: Date;
  readonly to?: Date;
}

/** The filter as code, for a store that cannot ask its server for it (EventStoreDB reads metadata client-side). */
export const matchesEventFilter = (event: RecordedEvent, filter: EventFilter): boolean => {
  if (filter.workspaceId !== undefined && event.metadata.workspaceId !== filter.workspaceId) return false;
  if (filter.streamId !== undefined && event.streamId !== filter.streamId) return false;
  if (filter.type !== undefined && event.type !== filter.type) return false;
  if (filter.actor !== undefined && event.metadata.actor !== filter.actor) return false;
  if (filter.from === undefined && filter.to === undefined) return true;
  const occurredAt = Date.parse(event.metadata.occurredAt);
  return (filter.from === undefined || occurredAt >= filter.from.getTime()) && (filter.to === undefined || occurredAt < filter.to.getTime());
};
