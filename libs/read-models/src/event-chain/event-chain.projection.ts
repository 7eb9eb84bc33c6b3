import type { EntityManager } from 'typeorm';
import { CHAIN_GENESIS, chainHash, comparePositions, type RecordedEvent } from '@keyward/event-store';
import type { ChainLink } from './event-chain.table';
import { insertChainLinks, readChainHead } from './event-chain.table';

/** The checkpoint of the chain's follower: its own, so that a rebuild of the read models never moves it. */
export const EVENT_CHAIN_PROJECTION = 'event-chain';

/**
 * Extends the chain by a batch of events in global order, inside the runner's transaction. The
 * stored head is the truth for the previous hash, and events it already covers are skipped, so a
 * batch handed over twice links nothing twice.
 */
export const appendChainLinks = async (manager: EntityManager, events: readonly RecordedEvent[]): Promise<void> => {
  const head = await readChainHead(manager);
  let previous = head?.hash ?? CHAIN_GENESIS;
  const links: ChainLink[] = [];
  for (const event of events) {
    if (head && comparePositions(event.position, head.position) <= 0) continue;
    previous = chainHash(previous, event);
    links.push({ position: event.position, hash: previous });
  }
  await insertChainLinks(manager, links);
};
