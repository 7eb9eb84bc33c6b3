import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { ensureEventStoreSchema, eventTablesOf } from './event-store.schema';
import { readAllQuery } from './read-all';

jest.setTimeout(60_000);

const ROWS = 100_000;

/** One node of `EXPLAIN (FORMAT JSON)`, as far as these checks read it. */
interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * An auditor's page of one workspace walks an index in the global order and stops after the
 * page: never a scan of the whole history, never a sort of a workspace's events. Planned on a
 * history big enough for the planner to care: a large workspace and a small one among others.
 */
describe('the plan of a filtered read of the global order', () => {
  const schema = `es_${randomBytes(6).toString('hex')}`;
  const tables = eventTablesOf(schema);
  let pool: Pool;

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with "npm test", which starts PostgreSQL');
    pool = new Pool({ connectionString: process.env.DATABASE_URL });
    await ensureEventStoreSchema(pool, schema);
    // Rows straight into the table: what is planned is the read, not how the rows came.
    await pool.query(
      `INSERT INTO ${tables.events} (stream_id, stream_version, event_id, type, data, metadata)
       SELECT 'key-' || (g / 10), g % 10, gen_random_uuid(), 'KeyRenamed', '{}'::jsonb,
              jsonb_build_object('workspaceId', CASE WHEN g % 100 = 0 THEN 'ws_small' WHEN g % 2 = 0 THEN 'ws_large' ELSE 'ws_' || (g % 7) END,
                                 'actor', 'system', 'occurredAt', '2026-01-01T00:00:00.000Z')
       FROM generate_series(1, $1) g`,
      [ROWS],
    );
    await pool.query(`ANALYZE ${tables.events}`);
  });

  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  const plan = async (workspaceId: string, after?: { commit: bigint; prepare: bigint }): Promise<PlanNode[]> => {
    const query = readAllQuery(tables, after, 100, { workspaceId });
    const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${query.text}`, [...query.values]);
    return nodesOf(rows[0]['QUERY PLAN'][0].Plan);
  };

  it.each([
    ['a small workspace, first page', 'ws_small', undefined],
    ['a small workspace, a later page', 'ws_small', { commit: 1n, prepare: BigInt(ROWS / 2) }],
    ['a large workspace', 'ws_large', undefined],
  ])('%s: an index in the global order, no sort, no scan of the table', async (_, workspaceId, after) => {
    const nodes = await plan(workspaceId, after);
    const types = nodes.map((n) => n['Node Type']);
    expect(types).not.toContain('Seq Scan');
    expect(types).not.toContain('Sort');
    if (workspaceId === 'ws_small') expect(nodes.map((n) => n['Index Name'])).toContain('keyward_events_workspace_order_idx');
  });
});
