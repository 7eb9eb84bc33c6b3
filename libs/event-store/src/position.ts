import type { PositionToken } from '@keyward/contracts';

/**
 * A place in the global order. PostgreSQL: (transaction id, global sequence); EventStoreDB:
 * (commit, prepare). Compared as a pair, so a subscriber's checkpoint never passes an event
 * that an older, still-open transaction is about to commit.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Before every event: what a no-op on an empty stream answers, so that nobody waits for it. */
export const START_POSITION: Position = { commit: 0n, prepare: 0n };

const compareBigints = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

export const comparePositions = (a: Position, b: Position): number =>
  compareBigints(a.commit, b.commit) || compareBigints(a.prepare, b.prepare);

/** Whether `position` lies after `applied`: a hint that the history reached it is news only then. */
export const isBeyond = (position: Position, applied: Position | undefined): boolean => applied === undefined || comparePositions(position, applied) > 0;

export const positionToToken = (p: Position): PositionToken => `${p.commit}.${p.prepare}`;

const TOKEN = /^(\d{1,20})\.(\d{1,20})$/;

/** Parses a token from the wire; anything else is `undefined`, never an exception. */
export const positionFromToken = (token: unknown): Position | undefined => {
  if (typeof token !== 'string') return undefined;
  const m = TOKEN.exec(token);
  return m ? { commit: BigInt(m[1]), prepare: BigInt(m[2]) } : undefined;
};
