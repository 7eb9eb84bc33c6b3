import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { KeyEnvironment, KeyPage, KeyStatus, KeyView } from '@keyward/contracts';
import { KeyRow } from './key-row.entity';

export interface KeyListFilter {
  readonly status?: KeyStatus;
  readonly environment?: KeyEnvironment;
  /** Matches a part of the name, or the start of the prefix or id. */
  readonly search?: string;
  readonly cursor?: string;
  readonly limit: number;
}

/** Thrown for a cursor that this service did not hand out. */
export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not one this API returned');
    this.name = 'InvalidCursorError';
  }
}

interface Cursor {
  readonly createdAt: string;
  readonly id: string;
}

const encodeCursor = (row: KeyRow): string =>
  Buffer.from(JSON.stringify({ createdAt: row.createdAt.toISOString(), id: row.id } satisfies Cursor)).toString('base64url');

const decodeCursor = (cursor: string): Cursor => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null) {
      const { createdAt, id } = value as Record<string, unknown>;
      if (typeof createdAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(createdAt))) return { createdAt, id };
    }
  } catch {
    // fall through: any undecodable cursor is the caller's mistake
  }
  throw new InvalidCursorError();
};

export const keyStatusOf = (row: KeyRow, now: Date): KeyStatus =>
  row.lifecycle === 'revoked' ? 'revoked' : row.expiresAt !== null && row.expiresAt <= now ? 'expired' : 'active';

export const toKeyView = (row: KeyRow, now: Date): KeyView => ({
  id: row.id,
  workspaceId: row.workspaceId,
  name: row.name,
  prefix: row.prefix,
  maskedKey: row.maskedKey,
  environment: row.environment,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt?.toISOString() ?? null,
  status: keyStatusOf(row, now),
  restricted: row.restricted,
  roles: row.roles,
  rotatedAt: row.rotatedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
  usageCount: Number(row.usageCount),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

const filterByStatus = (q: SelectQueryBuilder<KeyRow>, status: KeyStatus, now: Date): void => {
  if (status === 'revoked') q.andWhere(`k.lifecycle = 'revoked'`);
  else if (status === 'expired') q.andWhere(`k.lifecycle = 'active' AND k.expires_at <= :now`, { now });
  else q.andWhere(`k.lifecycle = 'active' AND (k.expires_at IS NULL OR k.expires_at > :now)`, { now });
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
    const q = this.dataSource
      .getRepository(KeyRow)
      .createQueryBuilder('k')
      .where('k.workspace_id = :workspaceId', { workspaceId })
      .orderBy('k.created_at', 'DESC')
      .addOrderBy('k.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.status) filterByStatus(q, filter.status, now);
    if (filter.environment) q.andWhere('k.environment = :environment', { environment: filter.environment });
    if (filter.search) {
      const escaped = filter.search.replace(/[\\%_]/g, (c) => `\\${c}`);
      q.andWhere('(k.name ILIKE :contains OR k.prefix LIKE :starts OR k.id LIKE :starts)', {
        contains: `%${escaped}%`,
        starts: `${escaped}%`,
      });
    }
    if (filter.cursor) {
      const c = decodeCursor(filter.cursor);
      q.andWhere('(k.created_at, k.id) < (:createdAt, :id)', { createdAt: new Date(c.createdAt), id: c.id });
    }
    const rows = await q.getMany();
    const page = rows.slice(0, filter.limit);
    return {
      items: page.map((row) => toKeyView(row, now)),
      nextCursor: rows.length > filter.limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }
}
