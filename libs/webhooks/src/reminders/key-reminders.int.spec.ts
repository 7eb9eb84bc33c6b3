import type { DataSource } from 'typeorm';
import type { EventMetadata, KeyCreatedData, KeywardEvent, WebhookEventType } from '@keyward/contracts';
import { defaultWorkspaceSettings } from '@keyward/domain';
import type { RecordedEvent } from '@keyward/event-store';
import { createReadModelDataSource, projectEvents, runReadModelMigrations } from '@keyward/read-models';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { DeliveryLeadership } from '../delivery-leadership';
import { enqueueDeliveries } from '../enqueue-deliveries';
import { scanKeyReminders } from './key-reminder.scan';
import { KeyReminderScheduler } from './key-reminder.scheduler';

jest.setTimeout(30_000);

const DAY = 86_400_000;
const NOW = new Date('2026-12-01T12:00:00.000Z');
const days = (n: number): Date => new Date(NOW.getTime() + n * DAY);
const sealedSecret = { nonce: 'bg', ciphertext: 'Yw', tag: 'dA' };

let n = 0;
const recorded = (event: KeywardEvent): RecordedEvent => {
  n += 1;
  const metadata: EventMetadata = { workspaceId: 'ws_r', actor: 'key_admin', correlationId: 'c', causationId: 'c', occurredAt: NOW.toISOString(), schemaVersion: 1 };
  return { ...event, metadata, eventId: `event-${n}`, streamId: 's', streamVersion: 0n, position: { commit: BigInt(n), prepare: BigInt(n) }, recordedAt: NOW };
};
const keyCreated = (keyId: string, createdAt: Date, expiresAt: Date | null = null, workspaceId = 'ws_r'): KeywardEvent => {
  const data: KeyCreatedData = {
    keyId,
    workspaceId,
    name: `name of ${keyId}`,
    environment: 'live',
    secretHash: 'ab'.repeat(32),
    prefix: 'kw_live_abcd',
    lastFour: 'wxyz',
    createdAt: createdAt.toISOString(),
    expiresAt: expiresAt?.toISOString() ?? null,
    roles: [],
    permissions: {},
    unrestricted: true,
  };
  return { type: 'KeyCreated', data };
};
const webhookCreated = (webhookId: string, events: WebhookEventType[]): KeywardEvent => ({
  type: 'WebhookCreated',
  data: { webhookId, workspaceId: 'ws_r', url: `https://hooks.example.com/${webhookId}`, events, description: '', sealedSecret, createdAt: NOW.toISOString() },
});

interface Delivered {
  webhook_id: string;
  event_type: string;
  payload: string;
}

describe('key reminders (PostgreSQL, an injected clock)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  /** As the projector and the sender would apply them: the key table, the sender's endpoints. */
  const apply = async (...events: KeywardEvent[]): Promise<void> => {
    const batch = events.map(recorded);
    await dataSource.transaction(async (manager) => {
      await projectEvents(manager, batch);
      await enqueueDeliveries(manager, batch);
    });
  };
  const usedAt = (keyId: string, at: Date): Promise<unknown> =>
    dataSource.query(
      `INSERT INTO key_usage (workspace_id, key_id, usage_count, last_used_at) VALUES ('ws_r', $1, 1, $2)
       ON CONFLICT (workspace_id, key_id) DO UPDATE SET last_used_at = EXCLUDED.last_used_at`,
      [keyId, at],
    );
  const deliveries = async (): Promise<Delivered[]> => dataSource.query(`SELECT webhook_id, event_type, payload FROM webhook_deliveries ORDER BY seq`);
  const reminders = async (type: string): Promise<Record<string, unknown>[]> =>
    (await deliveries()).filter((d) => d.event_type === type && d.webhook_id === 'whk_all').map((d) => JSON.parse(d.payload).data);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createReadModelDataSource(database.url).initialize();
    await runReadModelMigrations(dataSource);
    await apply(
      { type: 'WorkspaceCreated', data: { workspaceId: 'ws_r', name: 'r', plan: 'pro', settings: { ...defaultWorkspaceSettings(), staleAfterDays: 30 }, createdAt: days(-100).toISOString() } },
      webhookCreated('whk_all', ['key.expiring', 'key.stale']),
      webhookCreated('whk_revoked', ['key.revoked']),
      keyCreated('key_expiring', days(-1), days(3)),
      keyCreated('key_later', days(-1), days(10)),
      keyCreated('key_stale', days(-40)),
      keyCreated('key_used', days(-40)),
      keyCreated('key_revoked', days(-40), days(1)),
      { type: 'KeyRevoked', data: { keyId: 'key_revoked', revokedAt: days(-1).toISOString() } },
    );
    await usedAt('key_used', days(-2));
    // The revocation's own delivery (from the history): only reminders are counted below.
    await dataSource.query(`DELETE FROM webhook_deliveries`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('reminds of a key expiring within seven days and of a stale key, once, to the endpoints that want them, with no secret', async () => {
    const first = await scanKeyReminders(dataSource, NOW);
    expect(first.reminded).toEqual({ 'key.expiring': 1, 'key.stale': 1 });
    expect(first.deliveries).toBe(2);
    expect(await reminders('key.expiring')).toEqual([{ keyId: 'key_expiring', workspaceId: 'ws_r', name: 'name of key_expiring', expiresAt: days(3).toISOString() }]);
    expect(await reminders('key.stale')).toEqual([
      { keyId: 'key_stale', workspaceId: 'ws_r', name: 'name of key_stale', createdAt: days(-40).toISOString(), lastUsedAt: null, staleAfterDays: 30 },
    ]);
    const payloads = (await deliveries()).map((d) => d.payload).join('');
    expect(payloads).not.toContain('ab'.repeat(32));
    expect((await deliveries()).map((d) => d.webhook_id)).not.toContain('whk_revoked');

    // Later scans, by the same clock or a day on, find nothing new.
    expect((await scanKeyReminders(dataSource, NOW)).reminded).toEqual({ 'key.expiring': 0, 'key.stale': 0 });
    expect((await scanKeyReminders(dataSource, days(1))).reminded).toEqual({ 'key.expiring': 0, 'key.stale': 0 });
    expect(await deliveries()).toHaveLength(2);
  });

  it('a restarted sender (a new connection pool, nothing in memory) reminds of nothing again', async () => {
    const restarted = await createReadModelDataSource(database.url).initialize();
    try {
      expect((await scanKeyReminders(restarted, days(1))).reminded).toEqual({ 'key.expiring': 0, 'key.stale': 0 });
    } finally {
      await restarted.destroy();
    }
    expect(await deliveries()).toHaveLength(2);
  });

  it('a changed expiry reminds again, for the new expiry; a key expiring later is reminded when its week begins', async () => {
    await apply({ type: 'KeyExpiryChanged', data: { keyId: 'key_expiring', expiresAt: days(5).toISOString() } });
    expect((await scanKeyReminders(dataSource, days(1))).reminded).toEqual({ 'key.expiring': 1, 'key.stale': 0 });
    expect((await reminders('key.expiring')).map((r) => [r.keyId, r.expiresAt])).toEqual([
      ['key_expiring', days(3).toISOString()],
      ['key_expiring', days(5).toISOString()],
    ]);
    expect((await scanKeyReminders(dataSource, days(1))).reminded['key.expiring']).toBe(0);
    await scanKeyReminders(dataSource, days(3));
    expect((await reminders('key.expiring')).map((r) => r.keyId)).toEqual(['key_expiring', 'key_expiring', 'key_later']);
  });

  it('a stale key used again and stale again is reminded again, once per spell', async () => {
    await usedAt('key_stale', days(2));
    expect((await scanKeyReminders(dataSource, days(3))).reminded['key.stale']).toBe(0);
    // key_used went stale 30 days after its last use, key_stale 30 days after its new one.
    expect((await scanKeyReminders(dataSource, days(28))).reminded['key.stale']).toBe(1);
    expect((await scanKeyReminders(dataSource, days(32))).reminded['key.stale']).toBe(1);
    expect((await scanKeyReminders(dataSource, days(33))).reminded['key.stale']).toBe(0);
    expect((await reminders('key.stale')).map((r) => [r.keyId, r.lastUsedAt])).toEqual([
      ['key_stale', null],
      ['key_used', days(-2).toISOString()],
      ['key_stale', days(2).toISOString()],
    ]);
  });

  it('two schedulers (each with its own pool and lock) send one reminder; two scans racing without the lock too', async () => {
    await apply(keyCreated('key_two', days(30), days(40)));
    const at = days(35);
    const before = (await deliveries()).length;
    const pools = await Promise.all([0, 1].map(() => createReadModelDataSource(database.url).initialize()));
    const scans: number[] = [];
    const schedulers = pools.map(
      (pool) =>
        new KeyReminderScheduler(pool, new DeliveryLeadership(pool, 1_000), { intervalMs: 50, now: () => at }, {
          onScan: (result) => scans.push(result.reminded['key.expiring']),
          onError: (error) => {
            throw error;
          },
        }),
    );
    try {
      schedulers.forEach((s) => s.start());
      await new Promise((resolve) => setTimeout(resolve, 600));
    } finally {
      await Promise.all(schedulers.map((s) => s.stop()));
    }
    expect(scans.length).toBeGreaterThan(1);
    expect(scans.reduce((a, b) => a + b, 0)).toBe(1);
    expect((await reminders('key.expiring')).filter((r) => r.keyId === 'key_two')).toHaveLength(1);

    // The lock only saves work: scans racing on their own still record each reminder once.
    await apply(keyCreated('key_race', days(30), days(41)));
    const raced = await Promise.all(pools.map((pool) => scanKeyReminders(pool, at)));
    expect(raced.map((r) => r.reminded['key.expiring']).sort()).toEqual([0, 1]);
    await Promise.all(pools.map((pool) => pool.destroy()));
    expect((await deliveries()).length - before).toBe(2);
  });

  it("reads only the keys stale by their own workspace's staleAfterDays, not by the shortest of any workspace", async () => {
    await apply(
      { type: 'WorkspaceCreated', data: { workspaceId: 'ws_patient', name: 'p', plan: 'pro', settings: { ...defaultWorkspaceSettings(), staleAfterDays: 365 }, createdAt: days(-100).toISOString() } },
      keyCreated('key_patient', days(-40), null, 'ws_patient'),
    );
    const at = days(40);
    // The first scan records what is due; the second reads only what stays a candidate.
    await scanKeyReminders(dataSource, at);
    const settled = (await scanKeyReminders(dataSource, at)).keysRead;
    // Unused for 80 days: stale by ws_r's 30 days but not by its own workspace's 365, so not even read.
    await apply(keyCreated('key_patient_2', days(-40), null, 'ws_patient'));
    expect((await scanKeyReminders(dataSource, at)).keysRead).toBe(settled);
    expect((await reminders('key.stale')).filter((r) => String(r.keyId).startsWith('key_patient'))).toEqual([]);
  });
});
