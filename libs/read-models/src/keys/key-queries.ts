import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { KeyEnvironment, KeyPage, KeyStatus, KeyView } from '@keyward/contracts';
import { keyPageQuery, readKeyPage, type KeyPageRequest } from './key-page.query';
import { KeyRow } from './key-row.entity';
import { toKeyView } from './key-view.mapping';

export interface KeyListFilter extends KeyPageRequest {
  readonly status?: KeyStatus;
  readonly environment?: KeyEnvironment;
  /** Matches a part of the name, or the start of the prefix or id. */
  readonly search?: string;
}

/** The domain's `keyStatusAt` as SQL, so that the database filters; key-queries.status.int.spec.ts holds the two to one answer. */
const filterByStatus = (q: SelectQueryBuilder<KeyRow>, status: KeyStatus, now: Date): void => {
  if (status === 'revoked') q.andWhere(`k.lifecycle = 'revoked'`);
  else if (status === 'expired') q.andWhere(`k.lifecycle = 'active' AND k.expires_at <= :now`, { now });
  else q.andWhere(`k.lifecycle = 'active' AND (k.expires_at IS NULL OR k.expires_at > :now)`, { now });
};

/**
 * The key list's query, newest first: each filter walks an index in that order (key-queries.plan.int.spec.ts
 * holds the plans to it). Throws `InvalidCursorError` for a cursor this API did not hand out.
 */
export const keyListQuery = (dataSource: DataSource, workspaceId: string, filter: KeyListFilter, now: Date): SelectQueryBuilder<KeyRow> => {
  const q = keyPageQuery(dataSource, workspaceId, filter);
  if (filter.status) filterByStatus(q, filter.status, now);
  if (filter.environment) q.andWhere('k.environment = :environment', { environment: filter.environment });
  if (filter.search) {
    const escaped = filter.search.replace(/[\\%_]/g, (c) => `\\${c}`);
    q.andWhere('(k.name ILIKE :contains OR k.prefix LIKE :starts OR k.id LIKE :starts)', {
      contains: `%${escaped}%`,
      starts: `${escaped}%`,
    });
  }
  return q;
};

/** Reads of the key table, always within one workspace. */
export class KeyQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** For health checks: the key table is reachable. */
  async ping(): Promise<boolean> {
    await this.dataSource.query('SELECT 1 FROM keys LIMIT 1');
    return true;
  }

  async get(workspaceId: string, id: string, now = new Date()): Promise<KeyView | undefined> {
    const row = await this.dataSource.getRepository(KeyRow).findOneBy({ workspaceId, id });
    return row ? toKeyView(row, now) : undefined;
  }

  /** Newest first, keyset-paginated so pages stay stable while keys are created. */
  async list(workspaceId: string, filter: KeyListFilter, now = new Date()): Promise<KeyPage> {
    return readKeyPage(keyListQuery(this.dataSource, workspaceId, filter, now), filter.limit, (row) => toKeyView(row, now));
  }
}
