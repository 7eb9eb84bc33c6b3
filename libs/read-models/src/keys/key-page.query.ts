import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { decodeKeyCursor, encodeKeyCursor } from './key-page.cursor';
import { KeyRow } from './key-row.entity';

/** One page of a workspace's keys: where it starts (a cursor this API handed out) and how many rows. */
export interface KeyPageRequest {
  readonly cursor?: string;
  readonly limit: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/**
 * A workspace's keys, newest first, from the cursor on, and one row more than the page so that
 * the reader knows whether another page follows. Keyset pagination stays stable while keys are created.
 * Throws `InvalidCursorError` for a cursor this API did not hand out.
 */
export const keyPageQuery = (dataSource: DataSource, workspaceId: string, page: KeyPageRequest): SelectQueryBuilder<KeyRow> => {
  const q = dataSource
    .getRepository(KeyRow)
    .createQueryBuilder('k')
    .where('k.workspace_id = :workspaceId', { workspaceId })
    .orderBy('k.created_at', 'DESC')
    .addOrderBy('k.id', 'DESC')
    .limit(page.limit + 1);
  if (page.cursor) {
    const c = decodeKeyCursor(page.cursor);
    q.andWhere('(k.created_at, k.id) < (:createdAt, :id)', { createdAt: new Date(c.createdAt), id: c.id });
  }
  return q;
};

/** Runs a `keyPageQuery` and cuts off the look-ahead row. */
export const readKeyPage = async <T>(q: SelectQueryBuilder<KeyRow>, limit: number, view: (row: KeyRow) => T): Promise<Page<T>> => {
  const rows = await q.getMany();
  const page = rows.slice(0, limit);
  return { items: page.map(view), nextCursor: rows.length > limit ? encodeKeyCursor(page[page.length - 1]) : null };
};
