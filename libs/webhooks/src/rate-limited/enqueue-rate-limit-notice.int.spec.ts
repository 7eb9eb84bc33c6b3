import type { DataSource } from 'typeorm';
import type { EventMetadata, KeywardEvent, RateLimitNotice } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import { createReadModelDataSource, runReadModelMigrations } from '@keyward/read-models';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { enqueueDeliveries } from '../enqueue-deliveries';
import { enqueueRateLimitNotice, purgeRateLimitNotices } from './enqueue-rate-limit-notice';

jest.setTimeout(30_000);

const at = '2026-12-03T07:00:00.000Z';
const metadata: EventMetadata = { workspaceId: 'ws_l', actor: 'key_admin', correlationId: 'c', causationId: 'c', occurredAt: at, schemaVersion: 1 };
const webhookCreated = (webhookId: string, events: ('key.rate_limited' | 'key.revoked')[], n: number): RecordedEvent => {
  const event: KeywardEvent = {
    type: 'WebhookCreated',
    data: { webhookId, workspaceId: 'ws_l', url: `https://hooks.example.com/${webhookId}`, events, description: '', sealedSecret: { nonce: 'bg', ciphertext: 'Yw', tag: 'dA' }, createdAt: at },
  };
  return { ...event, metadata, eventId: `event-${n}`, streamId: 's', streamVersion: 0n, position: { commit: BigInt(n), prepare: BigInt(n) }, recordedAt: new Date(at) };
};
const notice = (windowStart: string, keyId = 'key_l'): RateLimitNotice => ({ workspaceId: 'ws_l', keyId, limit: 2, windowSeconds: 10, windowStart });

describe('key.rate_limited notices (PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const deliveries = async (): Promise<{ webhook_id: string; payload: string }[]> => dataSource.query(`SELECT webhook_id, payload FROM webhook_deliveries ORDER BY seq`);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createReadModelDataSource(database.url).initialize();
    await runReadModelMigrations(dataSource);
    await dataSource.transaction((manager) => enqueueDeliveries(manager, [webhookCreated('whk_limits', ['key.rate_limited'], 1), webhookCreated('whk_other', ['key.revoked'], 2)]));
    for (const [id, workspaceId] of [['key_l', 'ws_l'], ['key_m', 'ws_l'], ['key_x', 'ws_x']]) {
      await dataSource.query(
        `INSERT INTO keys (id, workspace_id, name, prefix, masked_key, environment, created_at, lifecycle, restricted, roles, permissions, shares)
         VALUES ($1, $2, 'k', 'kw_live_', 'kw_live_…', 'live', now(), 'active', false, '[]', '{}', '[]')`,
        [id, workspaceId],
      );
    }
  });

  it("drops a notice whose key is not of the workspace it names, or is unknown: nothing reaches that workspace's endpoints", async () => {
    const now = new Date('2026-12-03T07:00:05.000Z');
    expect(await enqueueRateLimitNotice(dataSource, notice('2026-12-03T07:00:00.000Z', 'key_x'), now)).toBeUndefined();
    expect(await enqueueRateLimitNotice(dataSource, notice('2026-12-03T07:00:00.000Z', 'key_nobody'), now)).toBeUndefined();
    expect(await deliveries()).toEqual([]);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM key_rate_limit_notices`)).toEqual([{ n: 0 }]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('enqueues once per key and window, however many copies come, even at once', async () => {
    const now = new Date('2026-12-03T07:00:11.000Z');
    const copies = await Promise.all([0, 1, 2, 3].map(() => enqueueRateLimitNotice(dataSource, notice('2026-12-03T07:00:10.000Z'), now)));
    expect(copies.sort()).toEqual([1, undefined, undefined, undefined]);
    expect(await enqueueRateLimitNotice(dataSource, notice('2026-12-03T07:00:10.000Z'), now)).toBeUndefined();
    const [only] = await deliveries();
    expect(only.webhook_id).toBe('whk_limits');
    expect(JSON.parse(only.payload)).toEqual({
      type: 'key.rate_limited',
      timestamp: now.toISOString(),
      data: { keyId: 'key_l', workspaceId: 'ws_l', limit: 2, windowSeconds: 10, windowStart: '2026-12-03T07:00:10.000Z', windowEnd: '2026-12-03T07:00:20.000Z' },
    });

    // The next window, and another key in the same window, are notices of their own.
    expect(await enqueueRateLimitNotice(dataSource, notice('2026-12-03T07:00:20.000Z'), now)).toBe(1);
    expect(await enqueueRateLimitNotice(dataSource, notice('2026-12-03T07:00:10.000Z', 'key_m'), now)).toBe(1);
    expect(await deliveries()).toHaveLength(3);
  });

  it('forgets records older than a copy can come, and only those', async () => {
    await purgeRateLimitNotices(dataSource, new Date('2026-12-03T07:00:11.000Z'));
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM key_rate_limit_notices`)).toEqual([{ n: 3 }]);
    await purgeRateLimitNotices(dataSource, new Date('2026-12-05T07:00:11.000Z'));
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM key_rate_limit_notices`)).toEqual([{ n: 0 }]);
  });
});
