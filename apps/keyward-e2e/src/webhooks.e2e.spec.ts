import type { AuditEventPage, CreateKeyResult, CredentialView, WebhookDeliveryView, WebhookView, WebhookWithSecretView } from '@keyward/contracts';
import { Webhook } from 'standardwebhooks';
import { KeywardStack, type ApiResponse } from './support/keyward-stack';
import { dumpDatabase, leakedSecrets } from './support/secrets';
import { LOCAL_OUTBOUND_ENV } from './support/third-party';
import { until } from './support/until';
import { SHORT_RETRY_ENV, WebhookReceiver, type ReceivedDelivery } from './support/webhook-receiver';

jest.setTimeout(180_000);



interface Notification {
  readonly type: string;
  readonly timestamp: string;
  readonly data: Readonly<Record<string, string>>;
}

const notificationOf = (delivery: ReceivedDelivery): Notification => JSON.parse(delivery.body) as Notification;
/** The deliveries answered 200, in the order they arrived. */
const delivered = (tries: readonly ReceivedDelivery[]): ReceivedDelivery[] => tries.filter((t) => t.answered === 200);

/** Webhooks (product.md 9.5): endpoints, a sender following the history, Standard Webhooks signatures, services as separate processes. */
describe('webhooks, services as separate processes', () => {
  let stack: KeywardStack;
  let receiver: WebhookReceiver;
  const secrets: string[] = [];
  const answers: string[] = [];

  const api = async <T = Record<string, unknown>>(method: string, route: string, body?: unknown): Promise<ApiResponse<T>> => {
    const res = await stack.api<T>(method, route, body);
    answers.push(JSON.stringify(res.body ?? null));
    return res;
  };
  const createWebhook = async (path: string, events: string[] = ['key.revoked', 'credential.deleted']): Promise<WebhookWithSecretView> => {
    const res = await api<WebhookWithSecretView>('POST', '/v1/webhooks', { url: receiver.url(path), events, description: `receiver ${path}` });
    expect(res.status).toBe(201);
    secrets.push(res.body.secret);
    return res.body;
  };
  /** A key created and revoked: one `key.revoked` for the workspace's endpoints. */
  const revokeAKey = async (): Promise<string> => {
    const key = await api<CreateKeyResult>('POST', '/v1/keys', { name: 'to revoke', permissions: { calls: 'read' } });
    expect(key.status).toBe(201);
    expect((await api('POST', `/v1/keys/${key.body.id}/revoke`)).status).toBe(200);
    return key.body.id;
  };
  const deliveriesOf = async (webhookId: string, query = ''): Promise<{ items: WebhookDeliveryView[]; nextCursor: string | null }> => {
    const res = await api<{ items: WebhookDeliveryView[]; nextCursor: string | null }>('GET', `/v1/webhooks/${webhookId}/deliveries${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const deliveryRowsOf = async (webhookId: string): Promise<number> =>
    (await stack.sql<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE webhook_id = $1`, [webhookId]))[0].n;
  /** Every key of `keyIds` told in order, each once at least: the ids of the successful tries, repeats dropped. */
  const keysDeliveredAt = (path: string): string[] => [...new Set(delivered(receiver.at(path)).map((d) => notificationOf(d).data.keyId))];

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    stack = await KeywardStack.start({ env: { ...LOCAL_OUTBOUND_ENV, ...SHORT_RETRY_ENV } });
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.stop();
  });

  it('creates an endpoint with its secret shown once, signs each delivery per Standard Webhooks, and rotates the secret', async () => {
    const webhook = await createWebhook('/signed');
    expect(webhook).toMatchObject({ url: receiver.url('/signed'), events: ['key.revoked', 'credential.deleted'], description: 'receiver /signed', enabled: true, disabledReason: null });
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const shown = await api<WebhookView>('GET', `/v1/webhooks/${webhook.id}`);
    expect(shown.body).not.toHaveProperty('secret');
    expect((await api<{ items: WebhookView[] }>('GET', '/v1/webhooks')).body.items.map((w) => w.id)).toContain(webhook.id);

    const keyId = await revokeAKey();
    const first = await until('the first delivery', () => delivered(receiver.at('/signed'))[0]);
    // The convention's reference algorithm: throws unless id, timestamp and signature match the body.
    expect(new Webhook(webhook.secret).verify(first.body, first.headers)).toEqual(notificationOf(first));
    expect(notificationOf(first)).toMatchObject({ type: 'key.revoked', data: { keyId, workspaceId: 'default' } });
    expect(first.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(first.headers['content-type']).toBe('application/json');

    const rotated = await api<WebhookWithSecretView>('POST', `/v1/webhooks/${webhook.id}/secret`, {});
    expect(rotated.status).toBe(200);
    secrets.push(rotated.body.secret);
    expect(rotated.body.secret).not.toBe(webhook.secret);
    expect(rotated.body.secretRotatedAt).not.toBeNull();
    await revokeAKey();
    const second = await until('the delivery after the rotation', () => delivered(receiver.at('/signed'))[1]);
    expect(() => new Webhook(rotated.body.secret).verify(second.body, second.headers)).not.toThrow();
    expect(() => new Webhook(webhook.secret).verify(second.body, second.headers)).toThrow();

    const credential = await api<CredentialView>('POST', '/v1/credentials', { service: 's', name: 'n', value: 'sk_webhook_test_value_1234', location: 'bearer', allowedHosts: ['api.example.com'] });
    expect((await api('DELETE', `/v1/credentials/${credential.body.id}`)).status).toBe(204);
    const third = await until('credential.deleted', () => delivered(receiver.at('/signed'))[2]);
    expect(notificationOf(third)).toMatchObject({ type: 'credential.deleted', data: { credentialId: credential.body.id } });

    const page = await deliveriesOf(webhook.id);
    expect(page.items.map((d) => [d.eventType, d.status, d.attempts.map((a) => a.status)])).toEqual([
      ['credential.deleted', 'delivered', [200]],
      ['key.revoked', 'delivered', [200]],
      ['key.revoked', 'delivered', [200]],
    ]);
    expect(page.items[2].id).toBe(first.headers['webhook-id']);
    const paged = await deliveriesOf(webhook.id, '?limit=2');
    expect(paged.items).toHaveLength(2);
    expect((await deliveriesOf(webhook.id, `?limit=2&cursor=${paged.nextCursor}`)).items.map((d) => d.id)).toEqual([page.items[2].id]);
    expect((await api('GET', `/v1/webhooks/${webhook.id}/deliveries?cursor=nonsense`)).status).toBe(400);
  });

  it('answers a repeated create (Idempotency-Key) with the same endpoint and no secret', async () => {
    const body = { url: receiver.url('/repeat'), events: ['key.leaked'] };
    const first = await stack.api<WebhookWithSecretView>('POST', '/v1/webhooks', body, stack.rootKey, { 'idempotency-key': 'webhook-repeat-1' });
    secrets.push(first.body.secret);
    const again = await stack.api<WebhookWithSecretView & { secretAlreadyShown?: true }>('POST', '/v1/webhooks', body, stack.rootKey, { 'idempotency-key': 'webhook-repeat-1' });
    answers.push(JSON.stringify(again.body));
    expect({ status: again.status, id: again.body.id, secret: again.body.secret, shown: again.body.secretAlreadyShown }).toEqual({ status: 201, id: first.body.id, secret: null, shown: true });
    expect((await api<{ items: WebhookView[] }>('GET', '/v1/webhooks')).body.items.filter((w) => w.url === receiver.url('/repeat'))).toHaveLength(1);
  });

  it('delivers every event in order, with no gaps, to a receiver that failed for a while, retrying only the oldest', async () => {
    receiver.fail('/flaky', true);
    const webhook = await createWebhook('/flaky', ['key.revoked']);
    const keyIds: string[] = [];
    for (let i = 0; i < 5; i++) keyIds.push(await revokeAKey());
    await until('three failed tries', () => (receiver.at('/flaky').length >= 3 ? true : undefined));
    // Head of line: while it fails, only the oldest delivery is tried.
    expect(new Set(receiver.at('/flaky').map((t) => t.headers['webhook-id'])).size).toBe(1);
    receiver.fail('/flaky', false);
    await until('all five delivered', () => (keysDeliveredAt('/flaky').length === 5 ? true : undefined));
    expect(keysDeliveredAt('/flaky')).toEqual(keyIds);
    for (const t of receiver.at('/flaky')) expect(() => new Webhook(webhook.secret).verify(t.body, t.headers)).not.toThrow();

    const page = await deliveriesOf(webhook.id);
    const oldest = page.items[page.items.length - 1];
    expect(oldest.attempts.length).toBeGreaterThanOrEqual(4);
    expect(oldest.attempts.slice(0, -1).every((a) => a.status === 500 && a.error === 'answered 500')).toBe(true);
    expect(oldest.attempts.at(-1)).toMatchObject({ status: 200, error: null });
    expect(page.items.every((d) => d.status === 'delivered')).toBe(true);
  });

  it('loses nothing when the sender is killed in the middle of retrying, and a write never waits for it', async () => {
    receiver.fail('/restart', true);
    await createWebhook('/restart', ['key.revoked']);
    const keyIds = [await revokeAKey(), await revokeAKey()];
    await until('two failed tries', () => (receiver.at('/restart').length >= 2 ? true : undefined));
    const retried = receiver.at('/restart')[0].headers['webhook-id'];
    const [sender] = stack.running('webhook-sender');
    sender.kill('SIGKILL');
    await new Promise((r) => sender.once('exit', r));
    // No sender at all: writes still answer.
    keyIds.push(await revokeAKey(), await revokeAKey());
    const restarted = stack.spawn('webhook-sender');
    await stack.waitUntilHealthy([restarted]);
    receiver.fail('/restart', false);
    await until('all four delivered', () => (keysDeliveredAt('/restart').length === 4 ? true : undefined));
    expect(keysDeliveredAt('/restart')).toEqual(keyIds);
    // The same webhook-id on every try of a delivery, across the restart.
    expect(delivered(receiver.at('/restart'))[0].headers['webhook-id']).toBe(retried);
  });

  it('disables an endpoint that failed for the whole retry period, and says why', async () => {
    receiver.fail('/down', true);
    const webhook = await createWebhook('/down', ['key.revoked']);
    await revokeAKey();
    await revokeAKey();
    const disabled = await until('the endpoint disabled', async () => {
      const res = await api<WebhookView>('GET', `/v1/webhooks/${webhook.id}`);
      return res.body.enabled ? undefined : res.body;
    });
    expect(disabled.disabledReason).toMatch(/^deliveries failed for \d+ minutes \(last: answered 500\)$/);
    const page = await deliveriesOf(webhook.id);
    expect(page.items.map((d) => d.status)).toEqual(['abandoned', 'failed']);
    const audit = await api<AuditEventPage>('GET', '/v1/audit/events?type=WebhookDisabled&limit=100');
    expect(audit.body.items.find((e) => e.streamId === `webhook-${webhook.id}`)?.metadata.actor).toBe('system');
    expect(stack.logs).toContain(`webhook ${webhook.id} of workspace default disabled`);

    // Turned back on by its owner: new events flow again.
    receiver.fail('/down', false);
    const enabled = await api<WebhookView>('PATCH', `/v1/webhooks/${webhook.id}`, { enabled: true });
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null });
    const keyId = await revokeAKey();
    await until('a delivery after enabling', () => (keysDeliveredAt('/down').includes(keyId) ? true : undefined));
  });

  it('refuses bad endpoints, and deletes one (nothing more is sent to it)', async () => {
    for (const body of [{ url: 'ftp://x.example/', events: ['key.revoked'] }, { url: receiver.url('/x'), events: [] }, { url: receiver.url('/x'), events: ['key.deleted'] }, { url: receiver.url('/x') }]) {
      const res = await api<{ code: string }>('POST', '/v1/webhooks', body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    }
    const webhook = await createWebhook('/deleted', ['key.revoked']);
    await createWebhook('/deleted-control', ['key.revoked']);
    expect((await api('DELETE', `/v1/webhooks/${webhook.id}`)).status).toBe(204);
    expect((await api('GET', `/v1/webhooks/${webhook.id}`)).status).toBe(404);
    const keyId = await revokeAKey();
    // Observable, not timed: the control endpoint got the event, so the sender has enqueued it for
    // every endpoint that was to have it, in the same transaction; the deleted one has no row at all.
    await until('the control endpoint told', () => (keysDeliveredAt('/deleted-control').includes(keyId) ? true : undefined));
    expect(await deliveryRowsOf(webhook.id)).toBe(0);
    expect(receiver.at('/deleted')).toEqual([]);
  });

  it('sends nothing to an address the operator has not allowed (the outbound guard), and says why in the attempts', async () => {
    const [relaxed] = stack.running('webhook-sender');
    await stack.stopService(relaxed);
    const strict = stack.spawn('webhook-sender', { KEYWARD_OUTBOUND_ALLOW_PRIVATE: 'false' });
    try {
      await stack.waitUntilHealthy([strict]);
      // An IP literal, and a DNS name resolving to loopback (checked once resolved, by the socket's own lookup).
      const literal = await createWebhook('/guarded', ['key.revoked']);
      const named = await api<WebhookWithSecretView>('POST', '/v1/webhooks', { url: `http://localhost:${receiver.port}/guarded-name`, events: ['key.revoked'] });
      expect(named.status).toBe(201);
      secrets.push(named.body.secret);
      await revokeAKey();
      for (const webhook of [literal, named.body]) {
        const tried = await until('a refused try', async () => (await deliveriesOf(webhook.id)).items[0]?.attempts[0]);
        // One text whatever stopped it: a tenant learns nothing of the sender's network.
        expect(tried).toMatchObject({ status: null, error: 'the address is not allowed or could not be reached' });
        expect((await api('DELETE', `/v1/webhooks/${webhook.id}`)).status).toBe(204);
      }
      expect(receiver.at('/guarded')).toEqual([]);
      expect(receiver.at('/guarded-name')).toEqual([]);
      expect(stack.logs).toContain('is not a public address');
    } finally {
      await stack.stopService(strict);
      await stack.waitUntilHealthy([stack.spawn('webhook-sender')]);
    }
  });

  it('never shows a signing secret in logs, tables, events or other answers', async () => {
    const events = await api<AuditEventPage>('GET', '/v1/audit/events?limit=1000');
    const database = await dumpDatabase(stack.database.url);
    const shownOnce = answers.filter((a) => !a.includes('"secret":"whsec_'));
    expect(leakedSecrets(stack.logs, secrets)).toEqual([]);
    expect(leakedSecrets(database, secrets)).toEqual([]);
    expect(leakedSecrets(JSON.stringify(events.body), secrets)).toEqual([]);
    expect(JSON.stringify(events.body)).not.toContain('sealedSecret');
    expect(leakedSecrets(shownOnce.join('\n'), secrets)).toEqual([]);
  });
});
