import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { KeyEnvironment, KeyPage, KeyStatus, KeyView } from '@keyward/contracts';
import { DEFAULT_STALE_AFTER_DAYS, staleBefore } from '@keyward/domain';
import { KeyUsageRow } from '../usage/key-usage-row.entity';
import { WorkspaceQueries } from '../workspaces/workspace.queries';
import { keyPageQuery, readKeyPage, type KeyPageRequest } from './key-page.query';
import { KeyRow } from './key-row.entity';
import { creditsViewOf, type CreditBalances } from '../credits/credit-balances';
import { toKeyView } from './key-view.mapping';

export interface KeyListFilter extends KeyPageRequest {
  readonly status?: KeyStatus;
  readonly environment?: KeyEnvironment;
  /** Matches a part of the name, or the start of the prefix or id. */
  readonly search?: string;
  /** Only the keys the domain's `isStaleAt` marks stale (or only the others). */
  readonly stale?: boolean;
  /** Only the enabled keys, or only the disabled ones. */
  readonly enabled?: boolean;
}

/** How long without a VALID answer makes a key of the workspace stale: its setting `staleAfterDays` (its default for an unknown one). */
export const staleAfterDaysOf = async (dataSource: DataSource, workspaceId: string): Promise<number> =>
  (await new WorkspaceQueries(dataSource).get(workspaceId))?.settings.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;

/** The domain's `keyStatusAt` as SQL, so that the database filters; key-queries.status.int.spec.ts holds the two to one answer. */
const filterByStatus = (q: SelectQueryBuilder<KeyRow>, status: KeyStatus, now: Date): void => {
  if (status === 'revoked') q.andWhere(`k.lifecycle = 'revoked'`);
  else if (status === 'expired') q.andWhere(`k.lifecycle = 'active' AND k.expires_at <= :now`, { now });
  else q.andWhere(`k.lifecycle = 'active' AND (k.expires_at IS NULL OR k.expires_at > :now)`, { now });
};

/** The domain's `isStaleAt` as SQL (usage.int.spec.ts holds the two to one answer); needs the `u` join. */
const STALE = `k.lifecycle = 'active' AND (k.expires_at IS NULL OR k.expires_at > :now) AND COALESCE(u.last_used_at, k.created_at) <= :staleBefore`;

/** Each key with its usage row, if it has one. */
const withUsage = (q: SelectQueryBuilder<KeyRow>): SelectQueryBuilder<KeyRow> =>
  q.leftJoinAndMapOne('k.usage', KeyUsageRow, 'u', 'u.workspace_id = k.workspace_id AND u.key_id = k.id');

/**
 * The key list's query, newest first: each filter walks an index in that order (key-queries.plan.int.spec.ts
 * holds the plans to it). Throws `InvalidCursorError` for a cursor this API did not hand out.
 */
export const keyListQuery = (
  dataSource: DataSource,
  workspaceId: string,
  filter: KeyListFilter,
  now: Date,
  staleAfterDays: number,
): SelectQueryBuilder<KeyRow> => {
  const q = withUsage(keyPageQuery(dataSource, workspaceId, filter));
  // Walks the workspace's keys newest first like `search`: the mark depends on the clock and the usage table.
  if (filter.stale !== undefined) q.andWhere(filter.stale ? `(${STALE})` : `NOT (${STALE})`, { now, staleBefore: staleBefore(staleAfterDays, now) });
  if (filter.status) filterByStatus(q, filter.status, now);
  // Walks the workspace's keys newest first like `stale`: few keys are disabled, and a list is one page.
  if (filter.enabled !== undefined) q.andWhere('k.enabled = :enabled', { enabled: filter.enabled });
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
  /** `balances`: where live credit balances are read (the gateway); without, credits show as set. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly balances?: CreditBalances,
  ) {}

  /** For health checks: the key table is reachable. */
  async ping(): Promise<boolean> {
    await this.dataSource.query('SELECT 1 FROM keys LIMIT 1');
    return true;
  }

  async get(workspaceId: string, id: string, now = new Date()): Promise<KeyView | undefined> {
    const [row, staleAfterDays] = await Promise.all([
      withUsage(this.dataSource.getRepository(KeyRow).createQueryBuilder('k')).where('k.workspace_id = :workspaceId AND k.id = :id', { workspaceId, id }).getOne(),
      staleAfterDaysOf(this.dataSource, workspaceId),
    ]);
    return row ? this.withLiveCredits(toKeyView(row, now, staleAfterDays), row, now) : undefined;
  }

  /** Newest first, keyset-paginated so pages stay stable while keys are created. */
  async list(workspaceId: string, filter: KeyListFilter, now = new Date()): Promise<KeyPage> {
    const staleAfterDays = await staleAfterDaysOf(this.dataSource, workspaceId);
    const page = await readKeyPage(keyListQuery(this.dataSource, workspaceId, filter, now, staleAfterDays), filter.limit, (row) => row);
    return { ...page, items: await Promise.all(page.items.map((row) => this.withLiveCredits(toKeyView(row, now, staleAfterDays), row, now))) };
  }

  private async withLiveCredits(view: KeyView, row: KeyRow, now: Date): Promise<KeyView> {
    if (view.credits === null) return view;
    return { ...view, credits: await creditsViewOf(this.balances, row.id, row.credits, row.creditsGeneration, row.creditsSetAt, now.getTime()) };
  }
}
