import type { DataSource } from 'typeorm';
import type { ApiKeyUserView } from '@keyward/contracts';
import { keyPageQuery, readKeyPage, type KeyPageRequest, type Page } from '../keys/key-page.query';
import { toApiKeyUserView } from './api-key-user-view.mapping';

export type ApiKeyUserPage = Page<ApiKeyUserView>;

/** Each key's principal, read off the key table: one per key still in it, within one workspace. */
export class ApiKeyUserQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest key first, keyset-paginated like `KeyQueries.list`; throws `InvalidCursorError` for a cursor it did not hand out. */
  async list(workspaceId: string, page: KeyPageRequest, now = new Date()): Promise<ApiKeyUserPage> {
    return readKeyPage(keyPageQuery(this.dataSource, workspaceId, page), page.limit, (row) => toApiKeyUserView(row, now));
  }
}
