import type { DataSource } from 'typeorm';
import type { EventMetadata, KeywardEvent } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import { createReadModelDataSource, runReadModelMigrations } from '@keyward/read-models';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { DeliveryStore, type DueDelivery } from './delivery.store';
import { enqueueDeliveries, enqueueNotification } from './enqueue-deliveries';

jest.setTimeout(30_000);

const sealedSecret = { nonce: 'bg', ciphertext: 'Yw', tag: 'dA' };
const at = '2026-12-01T10:00:00.000Z';
let n = 0;
const recorded = (event: KeywardEvent, workspaceId = 'ws_a'): RecordedEvent => {
  n += 1;
  const metadata: EventMetadata = { workspaceId, actor: 'key_admin', correlationId: 'c', causationId: 'c', occurredAt: at, schemaVersion: 1 };
  return { ...event, metadata, eventId: `event-${n}`, streamId: 's', streamVersion: 0n, position: { commit: BigInt(n), prepare: BigInt(n) }, recordedAt: new Date(at) };
};
const created = (webhookId: string, events: ('key.revoked' | 'credential.deleted')[], workspaceId = 'ws_a'): RecordedEvent =>
  recorded({ type: 'WebhookCreated', data: { webhookId, workspaceId, url: `https://hooks.example.com/${webhookId}`, events, description: '', sealedSecret, createdAt: at } }, workspaceId);
const revoked = (keyId: string, workspaceId = 'ws_a'): RecordedEvent => recorded({ type: 'KeyRevoked', data: { keyId, revokedAt: at } }, workspaceId);

describe('enqueueDeliveries and the delivery queue (PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const apply = (events: readonly RecordedEvent[]): Promise<void> => dataSource.transaction((manager) => enqueueDeliveries(manager, events));
  const deliveries = async (): Promise<{ webhook_id: string; event_id: string; status: string }[]> =>
    dataSource.query(`SELECT webhook_id, event_id, status FROM webhook_deliveries ORDER BY seq`);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createReadModelDataSource(database.url).initialize();
    await runReadModelMigrations(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('enqueues one delivery per enabled endpoint of the workspace that wants the type, once however often the batch is applied', async () => {
    const batch = [
      created('whk_a', ['key.revoked']),
      created('whk_b', ['credential.deleted']),
      created('whk_c', ['key.revoked'], 'ws_other'),
      revoked('key_1'),
      revoked('key_2'),
      recorded({ type: 'KeyRenamed', data: { keyId: 'key_1', name: 'x' } }),
    ];
    await apply(batch);
    await apply(batch);
    expect(await deliveries()).toEqual([
      { webhook_id: 'whk_a', event_id: batch[3].eventId, status: 'pending' },
      { webhook_id: 'whk_a', event_id: batch[4].eventId, status: 'pending' },
    ]);
  });

  it('follows the endpoints as they change: disabled and deleted ones get nothing, an enabled one again does', async () => {
    await dataSource.query(`DELETE FROM webhook_deliveries`);
    const disabled = recorded({ type: 'WebhookDisabled', data: { webhookId: 'whk_a', workspaceId: 'ws_a', reason: 'failing', disabledAt: at } });
    const whileOff = revoked('key_3');
    const enabled = recorded({ type: 'WebhookChanged', data: { webhookId: 'whk_a', workspaceId: 'ws_a', url: 'https://hooks.example.com/a', events: ['key.revoked'], description: '', enabled: true, changedAt: at } });
    const whileOn = revoked('key_4');
    const deleted = recorded({ type: 'WebhookDeleted', data: { webhookId: 'whk_a', workspaceId: 'ws_a', deletedAt: at } });
    const afterDelete = revoked('key_5');
    await apply([disabled, whileOff, enabled, whileOn]);
    expect((await deliveries()).map((d) => d.event_id)).toEqual([whileOn.eventId]);
    // Deleted: what it had queued goes with it, and nothing new comes.
    await apply([deleted, afterDelete]);
    expect(await deliveries()).toEqual([]);
  });

  it('hands out only the head of each endpoint\'s queue, and the next once the head is settled', async () => {
    await dataSource.query(`DELETE FROM webhook_deliveries`);
    const events = [created('whk_d', ['key.revoked']), created('whk_e', ['key.revoked']), revoked('key_6'), revoked('key_7')];
    await apply(events);
    const store = new DeliveryStore(dataSource);
    const heads = await store.dueHeads([], 10);
    expect(heads.map((h) => [h.webhookId, JSON.parse(h.payload).data.keyId])).toEqual(expect.arrayContaining([['whk_d', 'key_6'], ['whk_e', 'key_6']]));
    expect(heads).toHaveLength(2);
    expect((await store.dueHeads(['whk_d'], 10)).map((h) => h.webhookId)).toEqual(['whk_e']);

    const head = heads.find((h) => h.webhookId === 'whk_d');
    if (!head) throw new Error('no head');
    const later = new Date(Date.now() + 60_000);
    await store.recordAttempt(head, { attemptedAt: new Date(), status: 500, durationMs: 3, error: 'answered 500' }, { kind: 'retry', nextAttemptAt: later });
    // Its retry is not due: nothing of whk_d is handed out, not even the next one (head of line).
    expect((await store.dueHeads([], 10)).map((h) => h.webhookId)).toEqual(['whk_e']);
    await dataSource.query(`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = $1`, [head.id]);
    const retried = (await store.dueHeads([], 10)).find((h) => h.webhookId === 'whk_d');
    expect(retried).toMatchObject({ id: head.id, attemptCount: 1 });
    if (!retried) throw new Error('no retry');
    await store.recordAttempt(retried, { attemptedAt: new Date(), status: 200, durationMs: 2, error: null }, { kind: 'delivered' });
    expect(JSON.parse((await store.dueHeads([], 10)).find((h) => h.webhookId === 'whk_d')?.payload ?? '{}').data.keyId).toBe('key_7');

    // Failed for good: what queued behind it is abandoned.
    const next = (await store.dueHeads(['whk_e'], 10))[0];
    await store.recordAttempt(next, { attemptedAt: new Date(), status: null, durationMs: 5000, error: 'timeout' }, { kind: 'failed' });
    const attempts: { attempt: number; status: number | null }[] = await dataSource.query(`SELECT attempt, status FROM webhook_delivery_attempts WHERE delivery_id = $1 ORDER BY attempt`, [head.id]);
    expect(attempts).toEqual([{ attempt: 1, status: 500 }, { attempt: 2, status: 200 }]);
    expect((await deliveries()).filter((d) => d.webhook_id === 'whk_d').map((d) => d.status)).toEqual(['delivered', 'failed']);
  });

  const of = async (webhookId: string) => (await deliveries()).filter((d) => d.webhook_id === webhookId);
  const head = async (store: DeliveryStore, webhookId: string): Promise<DueDelivery> => {
    const found = (await store.dueHeads([], 100)).find((h) => h.webhookId === webhookId);
    if (!found) throw new Error(`no head for ${webhookId}`);
    return found;
  };
  const failedAttempt = { attemptedAt: new Date(), status: null, durationMs: 10_000, error: 'timeout' };

  it('records a try only while the delivery is as it was handed out: a stale one (a replica that lost the lock) changes nothing', async () => {
    await dataSource.query(`DELETE FROM webhook_deliveries`);
    await apply([created('whk_f', ['key.revoked'], 'ws_f'), revoked('key_8', 'ws_f')]);
    const store = new DeliveryStore(dataSource);
    const handedOut = await head(store, 'whk_f');
    expect(await store.recordAttempt(handedOut, { attemptedAt: new Date(), status: 200, durationMs: 1, error: null }, { kind: 'delivered' })).toBe(true);
    // The old holder's try of the same delivery, finishing late: it must not turn delivered back into pending.
    expect(await store.recordAttempt(handedOut, failedAttempt, { kind: 'retry', nextAttemptAt: new Date() })).toBe(false);
    expect((await of('whk_f')).map((d) => d.status)).toEqual(['delivered']);
    expect(await dataSource.query(`SELECT attempt FROM webhook_delivery_attempts WHERE delivery_id = $1`, [handedOut.id])).toEqual([{ attempt: 1 }]);
  });

  it('keeps a failure for good marked until its endpoint is reported disabled, so a crash in between is finished later', async () => {
    await dataSource.query(`DELETE FROM webhook_deliveries`);
    await apply([created('whk_g', ['key.revoked'], 'ws_g'), revoked('key_9', 'ws_g')]);
    const store = new DeliveryStore(dataSource);
    const failing = await head(store, 'whk_g');
    await store.recordAttempt(failing, failedAttempt, { kind: 'failed' });
    // As after a crash right here: the mark is in the table, not in memory.
    expect(await new DeliveryStore(dataSource).failedToReport(10)).toEqual([{ id: failing.id, webhookId: 'whk_g', workspaceId: 'ws_g', error: 'timeout' }]);
    await store.reported(failing.id);
    expect(await store.failedToReport(10)).toEqual([]);
  });

  it('gives no workspace more than its share of tries in flight, counting those already running', async () => {
    await dataSource.query(`DELETE FROM webhook_deliveries`);
    await apply([
      created('whk_h1', ['key.revoked'], 'ws_busy'),
      created('whk_h2', ['key.revoked'], 'ws_busy'),
      created('whk_h3', ['key.revoked'], 'ws_busy'),
      created('whk_q', ['key.revoked'], 'ws_quiet'),
      revoked('key_10', 'ws_busy'),
      revoked('key_11', 'ws_quiet'),
    ]);
    const store = new DeliveryStore(dataSource);
    const byWorkspace = (heads: DueDelivery[]) => heads.map((h) => h.workspaceId).sort();
    expect(byWorkspace(await store.dueHeads([], 16, new Map(), 2))).toEqual(['ws_busy', 'ws_busy', 'ws_quiet']);
    expect(byWorkspace(await store.dueHeads([], 16, new Map([['ws_busy', 1]]), 2))).toEqual(['ws_busy', 'ws_quiet']);
    expect(byWorkspace(await store.dueHeads([], 16, new Map([['ws_busy', 2]]), 2))).toEqual(['ws_quiet']);
  });

  it("deletes a deleted endpoint's deliveries and attempts with it, and purges settled deliveries past retention", async () => {
    await dataSource.query(`DELETE FROM webhook_deliveries`);
    await apply([created('whk_i', ['key.revoked'], 'ws_i'), created('whk_j', ['key.revoked'], 'ws_i'), revoked('key_12', 'ws_i'), revoked('key_13', 'ws_i')]);
    const store = new DeliveryStore(dataSource);
    const tried = await head(store, 'whk_i');
    await store.recordAttempt(tried, failedAttempt, { kind: 'retry', nextAttemptAt: new Date() });
    await apply([recorded({ type: 'WebhookDeleted', data: { webhookId: 'whk_i', workspaceId: 'ws_i', deletedAt: at } }, 'ws_i')]);
    expect(await of('whk_i')).toEqual([]);
    expect(await of('whk_j')).toHaveLength(2);
    expect(await dataSource.query(`SELECT 1 FROM webhook_delivery_attempts WHERE delivery_id = $1`, [tried.id])).toEqual([]);

    const delivered = await head(store, 'whk_j');
    await store.recordAttempt(delivered, { attemptedAt: new Date(), status: 204, durationMs: 1, error: null }, { kind: 'delivered' });
    expect(await store.purgeSettled(new Date(Date.now() - 60_000), 100)).toBe(0);
    expect(await store.purgeSettled(new Date(Date.now() + 60_000), 100)).toBe(1);
    expect((await of('whk_j')).map((d) => d.status)).toEqual(['pending']);
  });

  it("orders an endpoint's deliveries by commit: a second enqueue waits for the first's transaction", async () => {
    await dataSource.query(`DELETE FROM webhook_deliveries`);
    await apply([created('whk_k', ['key.revoked'], 'ws_k')]);
    const notification = (keyId: string) => ({ type: 'key.revoked' as const, workspaceId: 'ws_k', payload: JSON.stringify({ data: { keyId } }) });
    const first = dataSource.createQueryRunner();
    await first.connect();
    await first.startTransaction();
    await enqueueNotification(first.manager, notification('key_first'), 'source-first', new Date());
    let secondDone = false;
    const second = dataSource.transaction((m) => enqueueNotification(m, notification('key_second'), 'source-second', new Date())).then(() => (secondDone = true));
    // Observable, not timed: the second transaction is seen waiting on the first's row lock.
    const waiting = async (): Promise<boolean> =>
      (await dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).length > 0;
    while (!secondDone && !(await waiting())) await new Promise((resolve) => setImmediate(resolve));
    expect(secondDone).toBe(false);
    await first.commitTransaction();
    await first.release();
    await second;
    expect((await of('whk_k')).map((d) => d.event_id)).toEqual(['source-first', 'source-second']);
  });
});
