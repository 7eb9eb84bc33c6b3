import type { DataSource } from 'typeorm';
import { decodeKeyCursor, encodeKeyCursor } from '../keys/key-page.cursor';
import type { Page } from '../keys/key-page.query';
import { KeyRow } from '../keys/key-row.entity';
import { identityRecordOfRow, type IdentityRecord } from './identity-record';
import { IdentityRow } from './identity-row.entity';

export interface IdentityPageRequest {
  readonly cursor?: string;
  readonly limit: number;
  /** Only the identity with this external id (exactly), as Unkey's lookup by external id. */
  readonly externalId?: string;
}

/** Reads of a workspace's identities; another workspace's are never seen. */
export class IdentityQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Newest first, keyset-paged like keys (stable while identities are created). Throws
   * `InvalidCursorError` for a cursor this API did not hand out.
   */
  async page(workspaceId: string, request: IdentityPageRequest): Promise<Page<IdentityRecord>> {
    const q = this.dataSource
      .getRepository(IdentityRow)
      .createQueryBuilder('i')
      .where('i.workspace_id = :workspaceId', { workspaceId })
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(request.limit + 1);
    if (request.externalId !== undefined) q.andWhere('i.external_id = :externalId', { externalId: request.externalId });
    if (request.cursor) {
      const c = decodeKeyCursor(request.cursor);
      q.andWhere('(i.created_at, i.id) < (:createdAt, :id)', { createdAt: new Date(c.createdAt), id: c.id });
    }
    const rows = await q.getMany();
    const page = rows.slice(0, request.limit);
    return { items: page.map(identityRecordOfRow), nextCursor: rows.length > request.limit ? encodeKeyCursor(page[page.length - 1]) : null };
  }

  /** `undefined` for an unknown or deleted identity and for another workspace's, alike. */
  async get(workspaceId: string, identityId: string): Promise<IdentityRecord | undefined> {
    const row = await this.dataSource.getRepository(IdentityRow).findOneBy({ workspaceId, id: identityId });
    return row ? identityRecordOfRow(row) : undefined;
  }

  /** Live keys (not revoked; deleted ones have no row) of each identity named, in the workspace; 0 for one with none. */
  async keyCounts(workspaceId: string, identityIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    const counts = new Map<string, number>(identityIds.map((id) => [id, 0]));
    if (identityIds.length === 0) return counts;
    const rows: { identity_id: string; live: string }[] = await this.dataSource
      .getRepository(KeyRow)
      .createQueryBuilder('k')
      .select('k.identity_id', 'identity_id')
      .addSelect('count(*)', 'live')
      .where('k.workspace_id = :workspaceId', { workspaceId })
      .andWhere('k.identity_id = ANY(:identityIds)', { identityIds })
      .andWhere(`k.lifecycle = 'active'`)
      .groupBy('k.identity_id')
      .getRawMany();
    for (const row of rows) counts.set(row.identity_id, Number(row.live));
    return counts;
  }
}
