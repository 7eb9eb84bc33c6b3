import type { DataSource } from 'typeorm';
import { keyStreamId, type AuditEventPage } from '@keyward/contracts';
import { positionFromToken, positionToToken, type EventFilter, type EventStore, type Position } from '@keyward/event-store';
import { InvalidCursorError } from '../keys/key-page.cursor';
import { chainHashesAt } from '../event-chain/event-chain.table';
import { auditEventView } from './audit-event-view.mapping';

/** Larger numbers than a store's 64-bit positions are no position it handed out (and would fail the query). */
const MAX_POSITION_PART = 2n ** 63n - 1n;

const cursorPosition = (token: string): Position => {
  const position = positionFromToken(token);
  if (!position || position.commit > MAX_POSITION_PART || position.prepare > MAX_POSITION_PART) throw new InvalidCursorError();
  return position;
};

/** What an auditor asks of the history: filters of `GET /v1/audit/events` besides the workspace. */
export type AuditEventFilter = Omit<EventFilter, 'workspaceId'>;

export interface AuditPageRequest {
  /** A `position` (or `nextCursor`) this API returned: the page starts after it. */
  readonly after?: string;
  readonly limit: number;
}

/**
 * The history as auditors read it, through the event store's port (no copy of it): one
 * workspace's events in global order. Pages follow the store's own rule of what is safe to read,
 * so a page never ends past a transaction still open that could commit an earlier position.
 * Each event carries its link of the hash chain (section 9.6), `null` until the chain's follower
 * has reached it.
 */
export class AuditEventQueries {
  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {}

  async events(workspaceId: string, filter: AuditEventFilter, page: AuditPageRequest): Promise<AuditEventPage> {
    const after = page.after === undefined ? undefined : cursorPosition(page.after);
    const events = await this.store.readAll({ after, maxCount: page.limit, filter: { ...filter, workspaceId } });
    const hashes = await chainHashesAt(this.dataSource.manager, events.map((e) => e.position.prepare));
    const items = events.map((e) => auditEventView(e, hashes.get(e.position.prepare) ?? null));
    // A short page reached the safe end; a full one may have more behind it.
    const last = events.at(-1);
    return { items, nextCursor: events.length === page.limit && last ? positionToToken(last.position) : null };
  }

  /**
   * A key's events, oldest first; `undefined` for a key that never was in this workspace. A
   * deleted key keeps its history: the stream is what says the key existed, not the key table.
   */
  async keyHistory(workspaceId: string, keyId: string, page: AuditPageRequest): Promise<AuditEventPage | undefined> {
    const streamId = keyStreamId(keyId);
    const { events } = await this.store.readStream(streamId);
    if (events[0]?.metadata.workspaceId !== workspaceId) return undefined;
    return this.events(workspaceId, { streamId }, page);
  }
}
