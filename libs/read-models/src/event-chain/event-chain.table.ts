import type { EntityManager } from 'typeorm';
import type { Position } from '@keyward/event-store';

/** One link of the chain: an event's place in the history and the hash that covers it and all before it. */
export interface ChainLink {
  readonly position: Position;
  readonly hash: Buffer;
}

interface ChainLinkRow {
  readonly prepare: string;
  readonly commit: string;
  readonly hash: Buffer;
}

/** Text casts under names of their own: under a column's name, `ORDER BY` would sort the text, 10 before 9. */
const LINK_COLUMNS = 'position::text AS prepare, commit_position::text AS commit, hash';

const toLink = (row: ChainLinkRow): ChainLink => ({
  position: { commit: BigInt(row.commit), prepare: BigInt(row.prepare) },
  hash: row.hash,
});

/** The last link in chain order, or none before the first event was chained. */
export const readChainHead = async (manager: EntityManager): Promise<ChainLink | undefined> => {
  const rows: ChainLinkRow[] = await manager.query(
    `SELECT ${LINK_COLUMNS} FROM event_chain ORDER BY commit_position DESC, position DESC LIMIT 1`,
  );
  return rows[0] && toLink(rows[0]);
};

/** The link of one event by its global sequence number (the `position` the chain is keyed by). */
export const readChainLinkAt = async (manager: EntityManager, position: bigint): Promise<ChainLink | undefined> => {
  const rows: ChainLinkRow[] = await manager.query(`SELECT ${LINK_COLUMNS} FROM event_chain WHERE position = $1`, [position.toString()]);
  return rows[0] && toLink(rows[0]);
};

/** The link just before `link` in chain order, or none when `link` is the first. */
export const readChainLinkBefore = async (manager: EntityManager, link: Position): Promise<ChainLink | undefined> => {
  const rows: ChainLinkRow[] = await manager.query(
    `SELECT ${LINK_COLUMNS} FROM event_chain WHERE (commit_position, position) < ($1, $2)
     ORDER BY commit_position DESC, position DESC LIMIT 1`,
    [link.commit.toString(), link.prepare.toString()],
  );
  return rows[0] && toLink(rows[0]);
};

/** Up to `limit` links after `after` (from the first when absent) and no further than `until`, in chain order. */
export const readChainLinks = async (
  manager: EntityManager,
  range: { readonly after?: Position; readonly until?: Position; readonly limit: number },
): Promise<ChainLink[]> => {
  const after = range.after ?? { commit: -1n, prepare: -1n };
  const params = [after.commit.toString(), after.prepare.toString(), range.limit];
  const until = range.until ? `AND (commit_position, position) <= ($4, $5)` : '';
  if (range.until) params.push(range.until.commit.toString(), range.until.prepare.toString());
  const rows: ChainLinkRow[] = await manager.query(
    `SELECT ${LINK_COLUMNS} FROM event_chain WHERE (commit_position, position) > ($1, $2) ${until}
     ORDER BY commit_position, position LIMIT $3`,
    params,
  );
  return rows.map(toLink);
};

/**
 * The chain hash (lowercase hex) of each of these events that has one, by global sequence
 * number: what the audit view of an event shows beside it.
 */
export const chainHashesAt = async (manager: EntityManager, positions: readonly bigint[]): Promise<Map<bigint, string>> => {
  const rows: { position: string; hash: string }[] = await manager.query(
    `SELECT position::text AS position, encode(hash, 'hex') AS hash FROM event_chain WHERE position = ANY($1::bigint[])`,
    [positions.map(String)],
  );
  return new Map(rows.map((row) => [BigInt(row.position), row.hash]));
};

export const insertChainLinks = async (manager: EntityManager, links: readonly ChainLink[]): Promise<void> => {
  if (links.length === 0) return;
  await manager.query(
    `INSERT INTO event_chain (position, commit_position, hash)
     SELECT p, c, decode(h, 'hex') FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS l(p, c, h)`,
    [links.map((l) => l.position.prepare.toString()), links.map((l) => l.position.commit.toString()), links.map((l) => l.hash.toString('hex'))],
  );
};
