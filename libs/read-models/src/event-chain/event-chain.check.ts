import type { EntityManager } from 'typeorm';
import type { ChainBreak, ChainReport } from '@keyward/contracts';
import { CHAIN_GENESIS, chainHash, type EventStore, type Position, type RecordedEvent } from '@keyward/event-store';
import { type ChainLink, readChainHead, readChainLinkAt, readChainLinkBefore, readChainLinks } from './event-chain.table';

/** `from`/`to`: global sequence numbers of chained events, both included. */
export interface ChainRange {
  readonly from?: bigint;
  readonly to?: bigint;
}

/** A `from` or `to` that names no link: the caller answers 400. */
export class UnchainedPositionError extends Error {
  constructor(readonly position: bigint) {
    super(`position ${position} has no link in the chain`);
    this.name = 'UnchainedPositionError';
  }
}

const BATCH = 1_000;

/** The history in global order after `after`, read a batch at a time. */
async function* eventsAfter(store: EventStore, after: Position | undefined): AsyncGenerator<RecordedEvent> {
  let cursor = after;
  for (;;) {
    const events = await store.readAll({ after: cursor, maxCount: BATCH });
    yield* events;
    if (events.length < BATCH) return;
    cursor = events[events.length - 1].position;
  }
}

/** The chain's links in order after `after` up to `until`, read a batch at a time. */
async function* linksAfter(manager: EntityManager, after: Position | undefined, until: Position | undefined): AsyncGenerator<ChainLink> {
  let cursor = after;
  for (;;) {
    const links = await readChainLinks(manager, { after: cursor, until, limit: BATCH });
    yield* links;
    if (links.length < BATCH) return;
    cursor = links[links.length - 1].position;
  }
}

const hex = (link: ChainLink): { position: string; hash: string } => ({ position: link.position.prepare.toString(), hash: link.hash.toString('hex') });

/** Whether `position` still comes later in the history: the event was moved, not removed. */
const comesLater = async (events: AsyncGenerator<RecordedEvent>, position: bigint): Promise<boolean> => {
  for await (const event of events) if (event.position.prepare === position) return true;
  return false;
};

/**
 * Why an event other than the link's stands in its place: an event the chain never saw before
 * its head was inserted; otherwise the link's own event either comes later (reordered) or never
 * (removed). Named at the event found when that was inserted, at the link otherwise.
 */
const classify = async (
  manager: EntityManager,
  link: ChainLink,
  found: RecordedEvent | undefined,
  events: AsyncGenerator<RecordedEvent>,
): Promise<{ position: bigint; reason: ChainBreak }> => {
  if (found && !(await readChainLinkAt(manager, found.position.prepare))) return { position: found.position.prepare, reason: 'inserted' };
  const moved = found !== undefined && (await comesLater(events, link.position.prepare));
  return { position: link.position.prepare, reason: moved ? 'reordered' : 'removed' };
};

/**
 * Recomputes the chain from the events and compares it with the stored links, in chain order
 * (product.md 9.6). Events after the chain's head are not judged: the follower may not have
 * reached them yet. From a `from` past the first link, the stored hash of the link before it is
 * trusted as the starting point; a full check trusts nothing but the genesis value.
 */
export const checkEventChain = async (store: EventStore, manager: EntityManager, range: ChainRange = {}): Promise<ChainReport> => {
  const linkOf = async (position: bigint): Promise<ChainLink> => {
    const link = await readChainLinkAt(manager, position);
    if (!link) throw new UnchainedPositionError(position);
    return link;
  };
  const first = range.from === undefined ? undefined : await linkOf(range.from);
  const last = range.to === undefined ? await readChainHead(manager) : await linkOf(range.to);
  const before = first && (await readChainLinkBefore(manager, first.position));
  const head = last ? hex(last) : null;
  let previous = before?.hash ?? CHAIN_GENESIS;
  let checked = 0;
  const events = eventsAfter(store, before?.position);
  try {
    for await (const link of linksAfter(manager, before?.position, last?.position)) {
      const next = await events.next();
      const event = next.done ? undefined : next.value;
      if (event?.position.prepare !== link.position.prepare) {
        const bad = await classify(manager, link, event, events);
        return { ok: false, checked, head, firstBadPosition: bad.position.toString(), reason: bad.reason };
      }
      if (!chainHash(previous, event).equals(link.hash)) {
        return { ok: false, checked, head, firstBadPosition: link.position.prepare.toString(), reason: 'altered' };
      }
      previous = link.hash;
      checked += 1;
    }
    return { ok: true, checked, head };
  } finally {
    await events.return(undefined);
  }
};
