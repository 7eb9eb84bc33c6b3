import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import type { CreateKeyResult, WebhookDeliveryView, WebhookWithSecretView } from '@keyward/contracts';
import { Webhook } from 'standardwebhooks';
import { KeywardStack } from './support/keyward-stack';
import { LOCAL_OUTBOUND_ENV } from './support/third-party';
import { until } from './support/until';
import { WebhookReceiver, type ReceivedDelivery } from './support/webhook-receiver';

jest.setTimeout(180_000);

const DAY = 86_400_000;
const SCANNER_KEY_ID = 'keyward-e2e-reminders-scanner';
/** A scan every 300 ms: several scans fit in the waits below. */
const INTERVAL_MS = 300;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

interface Notification {
  readonly type: string;
  readonly timestamp: string;
  readonly data: Readonly<Record<string, string | number | null>>;
}

/** The tries answered 200, their signatures checked with the convention's reference algorithm. */
const verifiedDeliveries = (tries: readonly ReceivedDelivery[], secret: string): Notification[] =>
  tries.filter((t) => t.answered === 200).map((t) => new Webhook(secret).verify(t.body, t.headers) as Notification);

/** Webhooks that no history event of the key's own causes, and the leak report's, end to end (product.md 9.3, 9.5). */
describe('webhook reminders, rate-limit notices and leak reports, services as separate processes', () => {
  let stack: KeywardStack;
  let receiver: WebhookReceiver;
  const scanner = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

  const createWebhook = async (path: string, events: string[]): Promise<WebhookWithSecretView> => {
    const res = await stack.api<WebhookWithSecretView>('POST', '/v1/webhooks', { url: receiver.url(path), events });
    expect(res.status).toBe(201);
    return res.body;
  };
  const createKey = async (body: Record<string, unknown>): Promise<CreateKeyResult> => {
    const res = await stack.api<CreateKeyResult>('POST', '/v1/keys', { permissions: { calls: 'read' }, ...body });
    expect(res.status).toBe(201);
    return res.body;
  };
  const deliveriesOf = async (webhookId: string): Promise<WebhookDeliveryView[]> =>
    (await stack.api<{ items: WebhookDeliveryView[] }>('GET', `/v1/webhooks/${webhookId}/deliveries`)).body.items;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    const pem = scanner.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    stack = await KeywardStack.start({
      env: { ...LOCAL_OUTBOUND_ENV, KEYWARD_REMINDER_INTERVAL_MS: String(INTERVAL_MS), KEYWARD_LEAK_REPORT_KEYS: JSON.stringify([{ key_identifier: SCANNER_KEY_ID, key: pem }]) },
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.stop();
  });

  it('sends key.expiring exactly once for a key expiring in three days, also after the sender restarts', async () => {
    const webhook = await createWebhook('/expiring', ['key.expiring']);
    const expiresAt = new Date(Date.now() + 3 * DAY).toISOString();
    const key = await createKey({ name: 'expires soon', expiresAt });
    await createKey({ name: 'expires in a month', expiresAt: new Date(Date.now() + 30 * DAY).toISOString() });
    const reminder = await until('key.expiring', () => verifiedDeliveries(receiver.at('/expiring'), webhook.secret)[0]);
    expect(reminder).toMatchObject({ type: 'key.expiring', data: { keyId: key.id, workspaceId: 'default', name: 'expires soon', expiresAt } });
    expect(JSON.stringify(reminder)).not.toContain(key.key);

    await sleep(5 * INTERVAL_MS);
    const [sender] = stack.running('webhook-sender');
    sender.kill('SIGKILL');
    await new Promise((r) => sender.once('exit', r));
    await stack.waitUntilHealthy([stack.spawn('webhook-sender')]);
    await sleep(5 * INTERVAL_MS);
    expect(verifiedDeliveries(receiver.at('/expiring'), webhook.secret)).toHaveLength(1);
    expect(receiver.at('/expiring')).toHaveLength(1);
    expect((await deliveriesOf(webhook.id)).map((d) => [d.eventType, d.status])).toEqual([['key.expiring', 'delivered']]);
  });

  it('sends key.stale exactly once for a key unused past staleAfterDays, also after the sender restarts', async () => {
    const webhook = await createWebhook('/stale', ['key.stale']);
    const key = await createKey({ name: 'forgotten' });
    await createKey({ name: 'fresh' });
    // Staleness takes days and the services have no clock to set: the key table is told its key
    // was created 100 days ago (the default staleAfterDays is 90), as the session e2e ages sessions.
    const updated = await stack.sql(`UPDATE keys SET created_at = now() - interval '100 days' WHERE id = $1 RETURNING id`, [key.id]);
    expect(updated).toHaveLength(1);
    const reminder = await until('key.stale', () => verifiedDeliveries(receiver.at('/stale'), webhook.secret)[0]);
    expect(reminder).toMatchObject({ type: 'key.stale', data: { keyId: key.id, workspaceId: 'default', name: 'forgotten', lastUsedAt: null, staleAfterDays: 90 } });

    await sleep(5 * INTERVAL_MS);
    const [sender] = stack.running('webhook-sender');
    sender.kill('SIGKILL');
    await new Promise((r) => sender.once('exit', r));
    await stack.waitUntilHealthy([stack.spawn('webhook-sender')]);
    await sleep(5 * INTERVAL_MS);
    expect(receiver.at('/stale')).toHaveLength(1);
    expect((await deliveriesOf(webhook.id)).map((d) => [d.eventType, d.status])).toEqual([['key.stale', 'delivered']]);
  });

  it('sends key.rate_limited once for a window in which a key with a limit of 2 per 10 s was verified 10 times', async () => {
    const webhook = await createWebhook('/limited', ['key.rate_limited']);
    const key = await createKey({ name: 'limited', ratelimit: { limit: 2, windowSeconds: 10 } });
    // All ten in one window: start early in one (windows are aligned to the epoch).
    while (Date.now() % 10_000 > 4_000) await sleep(100);
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await stack.verify(key.key));
    const resets = new Set(answers.map((a) => a.ratelimit?.reset));
    expect(resets.size).toBe(1);
    expect(answers.map((a) => a.code)).toEqual([...Array(2).fill('VALID'), ...Array(8).fill('RATE_LIMITED')]);
    const windowEnd = [...resets][0] ?? '';
    const notice = await until('key.rate_limited', () => verifiedDeliveries(receiver.at('/limited'), webhook.secret)[0]);
    expect(notice).toMatchObject({
      type: 'key.rate_limited',
      data: { keyId: key.id, workspaceId: 'default', limit: 2, windowSeconds: 10, windowStart: new Date(Date.parse(windowEnd) - 10_000).toISOString(), windowEnd },
    });
    await sleep(2_000);
    expect(receiver.at('/limited')).toHaveLength(1);
    expect((await deliveriesOf(webhook.id)).map((d) => d.eventType)).toEqual(['key.rate_limited']);
  });

  it('a signed leak report sends key.leaked, then key.revoked by system', async () => {
    const webhook = await createWebhook('/leaks', ['key.leaked', 'key.revoked']);
    const key = await createKey({ name: 'leaked' });
    const body = JSON.stringify([{ token: key.key, type: 'keyward_api_key', url: 'https://github.com/octo/app/blob/0123abc/.env', source: 'content' }]);
    const signature = sign('sha256', Buffer.from(body), scanner.privateKey).toString('base64');
    const res = await stack.api('POST', '/v1/leaks', body, null, { 'content-type': 'application/json', 'Github-Public-Key-Identifier': SCANNER_KEY_ID, 'Github-Public-Key-Signature': signature });
    expect(res.status).toBe(200);
    const told = await until('key.leaked and key.revoked', () => {
      const all = verifiedDeliveries(receiver.at('/leaks'), webhook.secret);
      return all.length >= 2 ? all : undefined;
    });
    expect(told.map((n) => n.type)).toEqual(['key.leaked', 'key.revoked']);
    expect(told[0].data).toMatchObject({ keyId: key.id, workspaceId: 'default', reportId: sha256(body), url: 'https://github.com/octo/app/blob/0123abc/.env', source: 'content' });
    expect(told[1].data).toMatchObject({ keyId: key.id, workspaceId: 'default', actor: 'system' });
    expect(JSON.stringify(told)).not.toContain(key.key);
  });
});
