import { TableStatistics } from '../table-statistics';
import { migratedReadModels } from '../testing/read-model.fixtures';
import { encodeKeyCursor } from './key-page.cursor';
import { keyListQuery, type KeyListFilter } from './key-queries';

jest.setTimeout(60_000);

const NOW = new Date('2026-06-01T00:00:00.000Z');
const ROWS = 100_000;
const WORKSPACE = 'ws_plan';

/** One node of `EXPLAIN (FORMAT JSON)`, as far as these checks read it. */
interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly 'Index Cond'?: string;
  readonly 'Scan Direction'?: string;
  readonly Plans?: readonly PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * A page of any list the route offers walks an index in the list's order and stops after the
 * page: never a scan of the table, never a sort of the workspace. The plans are taken on a table
 * big enough for the planner to care, with statistics as the projection leaves them (analyzed),
 * in a mix of workspaces, environments, revoked and expiring keys.
 */
describe('the plan of the key list', () => {
  let db: Awaited<ReturnType<typeof migratedReadModels>>;
  let middle: string;

  beforeAll(async () => {
    db = await migratedReadModels();
    // Rows straight into the table: what is planned is the read, not how the rows came.
    await db.dataSource.query(
      `INSERT INTO keys (id, workspace_id, name, prefix, masked_key, environment, created_at, expires_at, lifecycle, restricted, roles, permissions, shares)
       SELECT 'key_' || lpad(g::text, 24, '0'), CASE WHEN g % 5 = 0 THEN 'ws_other' ELSE $1 END, 'key ' || g, 'kw_live_abcd', 'kw_live_abcd…wxyz',
              CASE WHEN g % 10 = 0 THEN 'test' ELSE 'live' END,
              $2::timestamptz - (($3 - g) * interval '1 minute'),
              CASE g % 20 WHEN 1 THEN $2::timestamptz - interval '1 day' WHEN 2 THEN $2::timestamptz + interval '1 day' END,
              CASE WHEN g % 7 = 0 THEN 'revoked' ELSE 'active' END, false, '[]', '{}', '[]'
       FROM generate_series(1, $3) g`,
      [WORKSPACE, NOW, ROWS],
    );
    // A third of the keys have been used: each listed key's usage is one lookup by primary key.
    await db.dataSource.query(
      `INSERT INTO key_usage (workspace_id, key_id, usage_count, last_used_at)
       SELECT workspace_id, id, 5, created_at + interval '1 hour' FROM keys WHERE right(id, 1) IN ('0', '3', '6')`,
    );
    await db.dataSource.query('ANALYZE key_usage');
    await new TableStatistics(db.dataSource, 0).refreshIfDue();
    const [row] = (await db.dataSource.query(`SELECT id, created_at FROM keys WHERE workspace_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`, [
      WORKSPACE,
      ROWS / 4,
    ])) as { id: string; created_at: Date }[];
    middle = encodeKeyCursor({ id: row.id, createdAt: row.created_at });
  });

  afterAll(() => db.close());

  const planOf = async (filter: Omit<KeyListFilter, 'limit'>): Promise<PlanNode[]> => {
    const [sql, parameters] = keyListQuery(db.dataSource, WORKSPACE, { ...filter, limit: 100 }, NOW, 90).getQueryAndParameters();
    const [{ 'QUERY PLAN': [explained] }] = (await db.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters)) as { 'QUERY PLAN': { Plan: PlanNode }[] }[];
    return nodesOf(explained.Plan);
  };

  it.each<[string, () => Omit<KeyListFilter, 'limit'>, string | undefined]>([
    ['the first page', () => ({}), 'keys_workspace_created_idx'],
    ['a page from a cursor deep in the list', () => ({ cursor: middle }), 'keys_workspace_created_idx'],
    ['revoked keys', () => ({ status: 'revoked' }), 'keys_workspace_lifecycle_created_idx'],
    ['expired keys', () => ({ status: 'expired' }), 'keys_workspace_expiring_created_idx'],
    ['expired keys from a cursor', () => ({ status: 'expired', cursor: middle }), 'keys_workspace_expiring_created_idx'],
    ['active keys', () => ({ status: 'active' }), undefined],
    ['test keys', () => ({ environment: 'test' }), 'keys_workspace_environment_created_idx'],
    ['a search', () => ({ search: 'key 4' }), undefined],
    ['stale keys', () => ({ stale: true }), undefined],
  ])('%s: walks an index newest first, no scan of the table, no sort', async (_, filter, index) => {
    const nodes = await planOf(filter());
    expect(nodes[0]['Node Type']).toBe('Limit');
    expect(nodes.map((n) => n['Node Type'])).not.toEqual(expect.arrayContaining([expect.stringMatching(/Seq Scan|Sort|Bitmap/)]));
    const scans = nodes.filter((n) => n['Node Type'] === 'Index Scan' && n['Relation Name'] === 'keys');
    expect(scans).toHaveLength(1);
    expect(scans[0]['Scan Direction']).toBe('Backward');
    expect(nodes.filter((n) => n['Relation Name'] === 'key_usage').map((n) => n['Index Name'])).toEqual(['key_usage_pkey']);
    expect(scans[0]['Index Cond']).toContain('workspace_id');
    if (index) expect(scans[0]['Index Name']).toBe(index);
    // The cursor bounds the walk: an index condition, not a filter applied row by row.
    if (filter().cursor) expect(scans[0]['Index Cond']).toContain('created_at');
  });

  // Two filters at once have no index of their own: where the two select few keys, the planner
  // may rather fetch the keys one index selects and sort those, which is never the whole workspace.
  it('revoked test keys: read through the index of one filter, no scan of the table', async () => {
    const nodes = await planOf({ status: 'revoked', environment: 'test' });
    expect(nodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    const scans = nodes.filter((n) => n['Node Type'].includes('Index Scan') && n['Relation Name'] === 'keys');
    expect(scans).toHaveLength(1);
    expect(scans[0]['Index Cond']).toMatch(/workspace_id.*(lifecycle|environment)/);
  });
});
