import { randomUUID } from 'node:crypto';
import type { CreateKeyAnswer, CreateKeyResult, CreateWorkspaceResult, RotateKeyResult } from '@keyward/contracts';
import { countEvents } from './support/event-log';
import { KeywardStack, type ApiResponse } from './support/keyward-stack';

jest.setTimeout(180_000);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * product.md section 7: every write accepts `Idempotency-Key`. A repeat with the same key and body
 * answers the original status and body and appends nothing; another body or route with the key
 * answers 409; a secret is never kept (`"key": null, "secretAlreadyShown": true`). It holds also
 * when the first answer was lost after its event was committed (gateway killed, record missing),
 * and for concurrent duplicates. Every count is of the events in the store itself.
 */
describe('idempotent writes, with the services as separate processes', () => {
  let stack: KeywardStack;

  const sendWith = <T = Record<string, unknown>>(key: string, method: string, route: string, body?: unknown): Promise<ApiResponse<T>> =>
    stack.api<T>(method, route, body, stack.rootKey, { 'Idempotency-Key': key });
  const events = (): Promise<number> => countEvents(stack.database.url);
  const sql = <Row>(text: string, values: unknown[] = []): Promise<Row[]> => stack.sql<Row>(text, values);
  const createKey = async (name: string): Promise<CreateKeyResult> => {
    const created = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name });
    expect(created.status).toBe(201);
    return created.body;
  };

  /** Sends the write twice with one key: the repeat must answer the same and append nothing. */
  const repeated = async <T>(method: string, route: string, body?: unknown) => {
    const key = randomUUID();
    const first = await sendWith<T>(key, method, route, body);
    const appended = await events();
    const again = await sendWith<T>(key, method, route, body);
    expect(await events()).toBe(appended);
    expect(again.status).toBe(first.status);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    return { key, first, again };
  };

  beforeAll(async () => {
    stack = await KeywardStack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('a repeated create answers 201 and the same key without its secret; the one secret stays valid', async () => {
    const before = await events();
    const { first, again } = await repeated<CreateKeyAnswer>('POST', '/v1/keys', { name: 'orders', permissions: { calls: 'read' } });
    expect(first.status).toBe(201);
    expect(await events()).toBe(before + 1);
    expect(first.body.key).toMatch(/^kw_live_/);
    expect(again.body).toEqual({ ...first.body, key: null, secretAlreadyShown: true });
    expect(JSON.stringify(Object.keys(again.body))).toBe(JSON.stringify([...Object.keys(first.body), 'secretAlreadyShown']));
    expect((await stack.verify(first.body.key ?? '')).code).toBe('VALID');
    expect(JSON.stringify(await sql('SELECT * FROM idempotency_records'))).not.toContain(first.body.key);
  });

  it('the same key with another body, route or caller answers 409 CONFLICT and appends nothing', async () => {
    const key = randomUUID();
    const created = await sendWith<CreateKeyResult>(key, 'POST', '/v1/keys', { name: 'first' });
    expect(created.status).toBe(201);
    const other = await createKey('another caller');
    const before = await events();

    const answers = [
      await sendWith(key, 'POST', '/v1/keys', { name: 'second' }),
      await sendWith(key, 'POST', '/v1/roles', { name: 'r', permissions: ['calls:read'] }),
      await sendWith(key, 'POST', `/v1/keys/${created.body.id}/revoke`, {}),
      await stack.api('POST', '/v1/keys', { name: 'first' }, other.key, { 'Idempotency-Key': key }),
    ];
    for (const answer of answers) expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 409, code: 'CONFLICT' });
    expect(await events()).toBe(before);
  });

  it('a refused request (4xx: nothing written) leaves its key free for the corrected one', async () => {
    const key = randomUUID();
    const before = await events();
    expect((await sendWith(key, 'POST', '/v1/keys', { name: 'x', environment: 'production' })).status).toBe(400);
    expect((await sendWith(key, 'POST', `/v1/keys/key_${'0'.repeat(24)}/revoke`, {})).status).toBe(404);
    const corrected = await sendWith<CreateKeyAnswer>(key, 'POST', '/v1/keys', { name: 'corrected' });
    expect(corrected.status).toBe(201);
    expect(corrected.body.key).toMatch(/^kw_live_/);
    expect(await events()).toBe(before + 1);
  });

  it('a repeated rotate answers the rotation without the new secret; one KeyRotated', async () => {
    const key = await createKey('to rotate');
    const before = await events();
    const { first, again } = await repeated<RotateKeyResult>('POST', `/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 60 });
    expect(first.status).toBe(200);
    expect(await events()).toBe(before + 1);
    expect(again.body).toEqual({ ...first.body, key: null, secretAlreadyShown: true });
    expect((await stack.verify(first.body.key)).code).toBe('VALID');
  });

  it('a repeated revoke answers the first revoke again, not KEY_REVOKED; one KeyRevoked', async () => {
    const key = await createKey('to revoke');
    const before = await events();
    const { first, again } = await repeated('POST', `/v1/keys/${key.id}/revoke`, {});
    expect(first.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await events()).toBe(before + 1);
    expect((await stack.api('POST', `/v1/keys/${key.id}/revoke`, {})).status).toBe(409);
  });

  it('a repeated delete answers 204 again, and a repeated role change the same key', async () => {
    const key = await createKey('to delete');
    const roles = await repeated('PUT', `/v1/keys/${key.id}/roles`, { roles: ['read-only'] });
    expect(roles.first.status).toBe(200);
    expect(roles.again.body).toEqual(roles.first.body);
    const deleted = await repeated('DELETE', `/v1/keys/${key.id}`);
    expect(deleted.first.status).toBe(204);
  });

  it('a repeated role create answers the same role; one RoleCreated', async () => {
    const before = await events();
    const { first, again } = await repeated('POST', '/v1/roles', { name: 'support', permissions: ['calls:read'] });
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await events()).toBe(before + 1);
  });

  it('a repeated workspace create answers the same workspace without its admin key; one workspace, one key', async () => {
    const before = await events();
    const { first, again } = await repeated<CreateWorkspaceResult>('POST', '/v1/workspaces', { name: 'Acme', plan: 'pro' });
    expect(first.status).toBe(201);
    expect(await events()).toBe(before + 2);
    expect(again.body).toEqual({ ...first.body, adminKey: null, secretAlreadyShown: true });
    expect((await stack.verify(first.body.adminKey)).code).toBe('VALID');
  });

  it('concurrent duplicates write once: one key, one secret handed out', async () => {
    const key = randomUUID();
    const before = await events();
    const answers = await Promise.all(Array.from({ length: 8 }, () => sendWith<CreateKeyAnswer>(key, 'POST', '/v1/keys', { name: 'raced' })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.body.key !== null)).toHaveLength(1);
    expect(await events()).toBe(before + 1);
  });

  it('a repeat sent while the first request still runs waits for it and answers what it answered', async () => {
    const key = randomUUID();
    const [projector] = stack.running('projector');
    const before = await events();
    // The projector frozen, the first request waits out the consistency bound (its claim renewed meanwhile).
    projector.kill('SIGSTOP');
    const first = sendWith<CreateKeyAnswer>(key, 'POST', '/v1/keys', { name: 'slow' });
    for (let i = 0; i < 100 && (await events()) === before; i++) await sleep(50);
    const repeat = await sendWith<CreateKeyAnswer>(key, 'POST', '/v1/keys', { name: 'slow' }).finally(() => projector.kill('SIGCONT'));
    const original = await first;
    expect(original.status).toBe(201);
    expect(original.body.key).toMatch(/^kw_live_/);
    expect(repeat.status).toBe(201);
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    expect(repeat.body).toEqual({ ...original.body, key: null, secretAlreadyShown: true });
    expect(await events()).toBe(before + 1);
  });

  it('a repeat of a write answered pending (projector frozen) waits for the write again: pending while it is not applied, current once it is', async () => {
    const key = randomUUID();
    const [projector] = stack.running('projector');
    projector.kill('SIGSTOP');
    const [first, again] = await (async () => [
      await sendWith(key, 'POST', '/v1/keys', { name: 'pending' }),
      await sendWith(key, 'POST', '/v1/keys', { name: 'pending' }),
    ])().finally(() => projector.kill('SIGCONT'));
    expect(first.status).toBe(201);
    expect(first.headers.get('keyward-consistency')).toBe('pending');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('keyward-consistency')).toBe('pending');

    const later = await sendWith(key, 'POST', '/v1/keys', { name: 'pending' });
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(later.headers.get('keyward-consistency')).toBeNull();
    expect((await stack.api('GET', `/v1/keys/${String(first.body.id)}`)).status).toBe(200);
  });

  it('answers from the events when the gateway lost its record of the first answer', async () => {
    const key = randomUUID();
    const first = await sendWith<CreateKeyAnswer>(key, 'POST', '/v1/keys', { name: 'record lost' });
    await sql('DELETE FROM idempotency_records WHERE idempotency_key = $1', [key]);
    const before = await events();
    const again = await sendWith<CreateKeyAnswer>(key, 'POST', '/v1/keys', { name: 'record lost' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ ...first.body, key: null, secretAlreadyShown: true });
    expect(await events()).toBe(before);
    // Through key-command too, another body is another request.
    await sql('DELETE FROM idempotency_records WHERE idempotency_key = $1', [key]);
    expect((await sendWith(key, 'POST', '/v1/keys', { name: 'another' })).body.code).toBe('CONFLICT');
    expect(await events()).toBe(before);
  });

  it('a write answered 503 although its event was committed: the key stays bound to it, and its retry gets that key', async () => {
    const key = randomUUID();
    const [keyCommand] = stack.running('key-command');
    const before = await events();
    // Frozen, key-command answers after the gateway gave up: the command is decided and committed all the same.
    keyCommand.kill('SIGSTOP');
    const timedOut = await sendWith(key, 'POST', '/v1/keys', { name: 'answered 503' }).finally(() => keyCommand.kill('SIGCONT'));
    expect(timedOut.status).toBe(503);
    for (let i = 0; i < 100 && (await events()) === before; i++) await sleep(50);
    expect(await events()).toBe(before + 1);

    expect((await sendWith(key, 'POST', '/v1/keys', { name: 'something else' })).status).toBe(409);
    const retry = await sendWith<CreateKeyAnswer>(key, 'POST', '/v1/keys', { name: 'answered 503' });
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ name: 'answered 503', key: null, secretAlreadyShown: true });
    expect(await events()).toBe(before + 1);
  });

  it('a retry after the gateway died mid-request, its event committed, creates one key', async () => {
    const key = randomUUID();
    const [projector] = stack.running('projector');
    const [gateway] = stack.running('gateway');
    const before = await events();
    // With the projector frozen the gateway waits for it after the commit: the window to kill it in.
    projector.kill('SIGSTOP');
    const lost = sendWith(key, 'POST', '/v1/keys', { name: 'answer lost' }).then(
      () => 'answered',
      () => 'connection lost',
    );
    for (let i = 0; i < 100 && (await events()) === before; i++) await sleep(50);
    expect(await events()).toBe(before + 1);
    gateway.kill('SIGKILL');
    projector.kill('SIGCONT');
    expect(await lost).toBe('connection lost');
    const [{ key_id: keyId }] = await sql<{ key_id: string }>(`SELECT stream_id AS key_id FROM keyward_events ORDER BY global_position DESC LIMIT 1`);

    stack.spawn('gateway');
    await stack.waitUntilReady();
    const retry = await sendWith<CreateKeyAnswer>(key, 'POST', '/v1/keys', { name: 'answer lost' });
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ name: 'answer lost', key: null, secretAlreadyShown: true });
    expect(`key-${retry.body.id}`).toBe(keyId);
    expect(await events()).toBe(before + 1);
    expect((await stack.api('GET', `/v1/keys/${retry.body.id}`)).status).toBe(200);
  });

  it.each([
    ['longer than 255 characters', 'k'.repeat(256)],
    ['not printable ASCII', 'clé'],
  ])('refuses an Idempotency-Key %s with 400 and writes nothing', async (_what, key) => {
    const before = await events();
    const answer = await stack.api('POST', '/v1/keys', { name: 'x' }, stack.rootKey, { 'Idempotency-Key': key });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'Idempotency-Key' }] });
    expect(await events()).toBe(before);
  });

  it('no secret reaches a log line or the idempotency table', async () => {
    const created = await sendWith<CreateKeyResult>(randomUUID(), 'POST', '/v1/keys', { name: 'secret kept out' });
    const table = JSON.stringify(await sql('SELECT * FROM idempotency_records'));
    expect(table).not.toContain(created.body.key);
    expect(table).not.toMatch(/kw_(live|test)_[0-9A-Za-z]{38}/);
    expect(stack.logs).not.toContain(created.body.key);
  });
});
