import type { UsageBatch, UsageEntry } from '@keyward/contracts';
import { defaultWorkspaceSettings, isStaleAt, newUuidV7 } from '@keyward/domain';
import { KeyQueries } from '../keys/key-queries';
import { applyEvents, keyCreated, keyId, migratedReadModels, workspaceCreated } from '../testing/read-model.fixtures';
import { applyUsageBatch } from './apply-usage-batch';
import { purgeAppliedBatches } from './purge-applied-batches';
import { UsageQueries } from './usage.queries';

jest.setTimeout(30_000);

const NOW = new Date('2026-06-01T12:30:00.000Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;

const entry = (n: number, hour: string, counts: UsageEntry['counts'], lastValidAt: string | null = null, workspaceId = 'default'): UsageEntry => ({
  workspaceId,
  keyId: keyId(n),
  hour,
  counts,
  lastValidAt,
});
const batch = (...entries: UsageEntry[]): UsageBatch => ({ batchId: newUuidV7(), entries });

describe('usage', () => {
  let db: Awaited<ReturnType<typeof migratedReadModels>>;
  let usage: UsageQueries;
  let keys: KeyQueries;

  beforeAll(async () => {
    db = await migratedReadModels();
    usage = new UsageQueries(db.dataSource);
    keys = new KeyQueries(db.dataSource);
    await applyEvents(db.dataSource, [keyCreated(1), keyCreated(2), keyCreated(3, { workspaceId: 'ws_other' })]);
  });

  afterAll(() => db.close());

  it('applies a batch once: the same batch again, even at the same time, changes nothing', async () => {
    const first = batch(
      entry(1, '2026-06-01T10:00:00.000Z', { VALID: 3, REVOKED: 1 }, '2026-06-01T10:59:00.000Z'),
      entry(1, '2026-06-01T11:00:00.000Z', { VALID: 2, INSUFFICIENT_PERMISSIONS: 4 }, '2026-06-01T11:05:00.000Z'),
      entry(2, '2026-06-01T11:00:00.000Z', { EXPIRED: 7 }),
    );
    expect(await applyUsageBatch(db.dataSource, first)).toBe('applied');
    expect((await Promise.all([applyUsageBatch(db.dataSource, first), applyUsageBatch(db.dataSource, first)])).sort()).toEqual(['duplicate', 'duplicate']);
    const second = batch(entry(1, '2026-06-01T11:00:00.000Z', { VALID: 1 }, '2026-06-01T11:01:00.000Z'));
    const [a, b] = await Promise.all([applyUsageBatch(db.dataSource, second), applyUsageBatch(db.dataSource, second)]);
    expect([a, b].sort()).toEqual(['applied', 'duplicate']);

    expect(await keys.get('default', keyId(1), NOW)).toMatchObject({ usageCount: 6, lastUsedAt: '2026-06-01T11:05:00.000Z' });
    expect(await keys.get('default', keyId(2), NOW)).toMatchObject({ usageCount: 0, lastUsedAt: null });
  });

  it('reports a key per hour and per day, every bucket of the range, denials by code', async () => {
    const range = { from: new Date('2026-06-01T09:30:00.000Z'), to: new Date('2026-06-01T12:00:00.000Z'), granularity: 'hour' as const };
    expect(await usage.ofKey('default', keyId(1), range)).toEqual({
      buckets: [
        { start: '2026-06-01T09:00:00.000Z', valid: 0, denied: {} },
        { start: '2026-06-01T10:00:00.000Z', valid: 3, denied: { REVOKED: 1 } },
        { start: '2026-06-01T11:00:00.000Z', valid: 3, denied: { INSUFFICIENT_PERMISSIONS: 4 } },
      ],
    });
    const days = { from: new Date('2026-05-31T00:00:00.000Z'), to: NOW, granularity: 'day' as const };
    expect(await usage.ofKey('default', keyId(1), days)).toEqual({
      buckets: [
        { start: '2026-05-31T00:00:00.000Z', valid: 0, denied: {} },
        { start: '2026-06-01T00:00:00.000Z', valid: 6, denied: { REVOKED: 1, INSUFFICIENT_PERMISSIONS: 4 } },
      ],
    });
    expect(await usage.ofWorkspace('default', days)).toEqual({
      buckets: [
        { start: '2026-05-31T00:00:00.000Z', valid: 0, denied: {} },
        { start: '2026-06-01T00:00:00.000Z', valid: 6, denied: { REVOKED: 1, INSUFFICIENT_PERMISSIONS: 4, EXPIRED: 7 } },
      ],
      topKeys: [
        { keyId: keyId(1), valid: 6, denied: 5 },
        { keyId: keyId(2), valid: 0, denied: 7 },
      ],
    });
  });

  it("shows no key's usage to another workspace", async () => {
    await applyUsageBatch(db.dataSource, batch(entry(3, '2026-06-01T11:00:00.000Z', { VALID: 9 }, '2026-06-01T11:00:00.000Z', 'ws_other')));
    const range = { from: new Date(NOW.getTime() - DAY), to: NOW, granularity: 'day' as const };
    const other = await usage.ofWorkspace('ws_other', range);
    expect(other.topKeys).toEqual([{ keyId: keyId(3), valid: 9, denied: 0 }]);
    expect((await usage.ofKey('ws_other', keyId(1), range)).buckets.every((b) => b.valid === 0 && Object.keys(b.denied).length === 0)).toBe(true);
    expect((await usage.ofKey('default', keyId(3), range)).buckets.every((b) => b.valid === 0)).toBe(true);
    expect((await usage.ofWorkspace('default', range)).topKeys.map((k) => k.keyId)).not.toContain(keyId(3));
  });

  it('forgets the ids of batches applied before a time, and only those: a newer batch is still applied once', async () => {
    const old = { batchId: newUuidV7(NOW.getTime() - 9 * DAY), entries: [entry(2, '2026-05-23T12:00:00.000Z', { VALID: 1 })] };
    const recent = batch(entry(2, '2026-06-01T12:00:00.000Z', { VALID: 1 }));
    await applyUsageBatch(db.dataSource, old);
    await applyUsageBatch(db.dataSource, recent);
    const ids = async (): Promise<string[]> => ((await db.dataSource.query(`SELECT batch_id FROM usage_batches WHERE batch_id IN ($1, $2)`, [old.batchId, recent.batchId])) as { batch_id: string }[]).map((r) => r.batch_id);
    expect(await purgeAppliedBatches(db.dataSource, NOW.getTime() - 8 * DAY)).toBeGreaterThanOrEqual(1);
    expect(await ids()).toEqual([recent.batchId]);
    expect(await applyUsageBatch(db.dataSource, recent)).toBe('duplicate');
  });

  it('survives a rebuild of the read models from the history', async () => {
    // What a replay does (migration ReplayReadModels1763900000003): the event tables go, and fill again from the history.
    await db.dataSource.query(`TRUNCATE keys, roles, workspaces`);
    await applyEvents(db.dataSource, [keyCreated(1), keyCreated(2), keyCreated(3, { workspaceId: 'ws_other' })]);
    expect(await keys.get('default', keyId(1), NOW)).toMatchObject({ usageCount: 6, lastUsedAt: '2026-06-01T11:05:00.000Z' });
  });
});

/** The list's `stale` filter is SQL; each key's `stale` mark is the domain's `isStaleAt`. They must agree, at the boundary too. */
describe('the key list filtered by stale', () => {
  let db: Awaited<ReturnType<typeof migratedReadModels>>;
  let keys: KeyQueries;
  const STALE_AFTER_DAYS = 10;
  const bound = NOW.getTime() - STALE_AFTER_DAYS * DAY;
  /** Creation and last use around the bound, some revoked or expired. */
  const CASES = [
    { created: bound - DAY, used: null },
    { created: bound, used: null },
    { created: bound + 1, used: null },
    { created: bound - 5 * DAY, used: bound },
    { created: bound - 5 * DAY, used: bound + 1 },
    { created: bound - 5 * DAY, used: bound - HOUR },
    { created: bound - DAY, used: null, revoked: true },
    { created: bound - DAY, used: null, expiresAt: NOW.getTime() - 1 },
    { created: bound - DAY, used: null, expiresAt: NOW.getTime() + DAY },
  ];

  beforeAll(async () => {
    db = await migratedReadModels();
    await applyEvents(db.dataSource, [
      // The workspace's own setting decides, not the default of 90 days.
      workspaceCreated('ws_stale', { settings: { ...defaultWorkspaceSettings(), staleAfterDays: STALE_AFTER_DAYS } }),
      ...CASES.map((c, i) =>
        keyCreated(i + 1, { workspaceId: 'ws_stale', createdAt: new Date(c.created).toISOString(), expiresAt: c.expiresAt === undefined ? null : new Date(c.expiresAt).toISOString() }),
      ),
      ...CASES.flatMap((c, i) => (c.revoked ? [{ type: 'KeyRevoked' as const, data: { keyId: keyId(i + 1), revokedAt: NOW.toISOString() } }] : [])),
    ]);
    const used = CASES.flatMap((c, i) => (c.used === null ? [] : [entry(i + 1, new Date(c.used - (c.used % HOUR)).toISOString(), { VALID: 1 }, new Date(c.used).toISOString(), 'ws_stale')]));
    await applyUsageBatch(db.dataSource, batch(...used));
    keys = new KeyQueries(db.dataSource);
  });

  afterAll(() => db.close());

  it.each([true, false])('stale=%s lists exactly the keys whose own mark says so, page after page', async (stale) => {
    const all = await keys.list('ws_stale', { limit: 100 }, NOW);
    const expected = all.items.filter((k) =>
      isStaleAt(
        { status: k.status, createdAtMs: Date.parse(k.createdAt), expiresAtMs: k.expiresAt === null ? null : Date.parse(k.expiresAt), lastUsedAtMs: k.lastUsedAt === null ? null : Date.parse(k.lastUsedAt) },
        STALE_AFTER_DAYS,
        NOW,
      ) === stale,
    );
    expect(expected.every((k) => k.stale === stale)).toBe(true);
    expect(expected.length).toBeGreaterThan(1);
    const listed: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < CASES.length; page++) {
      const { items, nextCursor } = await keys.list('ws_stale', { limit: 2, stale, cursor }, NOW);
      listed.push(...items.map((k) => k.id));
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    expect(listed).toEqual(expected.map((k) => k.id));
  });
});
