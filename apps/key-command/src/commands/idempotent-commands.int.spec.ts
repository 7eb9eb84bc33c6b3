import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  keyStreamId,
  roleStreamId,
  Subjects,
  workspaceStreamId,
  type CommandContext,
  type CommandReply,
  type CreateKeyAnswer,
  type CreateWorkspaceAnswer,
  type KeyAccessResult,
  type RevokeKeyResult,
  type RoleResult,
  type RotateKeyAnswer,
} from '@keyward/contracts';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { commandContext, operatorContext, startKeyCommand, storedText, type KeyCommandHarness } from '../testing/key-command.harness';

jest.setTimeout(60_000);

const K = Subjects.keyCommand;
const R = Subjects.roleCommand;
const W = Subjects.workspaceCommand;

const fingerprint = (): string => randomBytes(32).toString('hex');

/** The same request sent again, as a client retrying after a lost answer would (new correlation id, same Idempotency-Key). */
const retried = (context: CommandContext): CommandContext => ({ ...context, correlationId: randomUUID() });

/**
 * A command carrying an Idempotency-Key (product.md section 7) is decided once: a repeat finds the
 * events the first attempt appended, on the stream its id derives to, and answers from them.
 * Nothing of the gateway takes part here: this is what holds when its own record was lost.
 */
describe('idempotent commands over NATS, on the real event store', () => {
  let h: KeyCommandHarness;
  let database: TestDatabase;

  const idempotent = (over: Partial<CommandContext> = {}): CommandContext =>
    commandContext({ idempotency: { key: `retry-${randomUUID()}`, fingerprint: fingerprint() }, ...over });
  const count = async (): Promise<number> => (await h.all()).length;
  const createKey = (context: CommandContext): Promise<CommandReply<CreateKeyAnswer>> =>
    h.send<CreateKeyAnswer>(K.create, { context, name: 'retried', environment: 'live', expiresAt: null });

  beforeAll(async () => {
    database = await createTestDatabase();
    h = await startKeyCommand(database);
  });

  afterAll(async () => {
    await h?.close();
  });

  /** Dates a stream's events `hours` back, as the clock would: tests assert what happens after, not how long it takes. */
  const age = async (streamId: string, hours: number): Promise<void> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const occurredAt = new Date(Date.now() - hours * 3_600_000).toISOString();
      await client.query(`UPDATE keyward_events SET metadata = jsonb_set(metadata, '{occurredAt}', to_jsonb($2::text)) WHERE stream_id = $1`, [streamId, occurredAt]);
    } finally {
      await client.end();
    }
  };

  afterEach(() => {
    expect(h.takeEscapedErrors()).toEqual([]);
  });

  it('a repeated create appends once and answers the same key without its secret', async () => {
    const context = idempotent();
    const before = await count();
    const first = await h.ok<CreateKeyAnswer>(K.create, { context, name: 'retried', environment: 'live', expiresAt: null });
    const again = await h.ok<CreateKeyAnswer>(K.create, { context: retried(context), name: 'retried', environment: 'live', expiresAt: null });

    expect(first.result.key).toMatch(/^kw_live_/);
    expect(again.result).toEqual({ ...first.result, key: null, secretAlreadyShown: true });
    expect(again.position).toBe(first.position);
    expect(await count()).toBe(before + 1);
    const [created, ...rest] = await h.stream(keyStreamId(first.result.id));
    expect(rest).toEqual([]);
    expect(created.metadata).toMatchObject({ idempotencyKey: context.idempotency?.key, requestFingerprint: context.idempotency?.fingerprint });
    expect(storedText(await h.all())).not.toContain(first.result.key);
  });

  it('the same key with another request is a CONFLICT and appends nothing', async () => {
    const context = idempotent();
    const { result } = await h.ok<CreateKeyAnswer>(K.create, { context, name: 'first', environment: 'live', expiresAt: null });
    const before = await count();
    const other = { ...context, idempotency: { key: context.idempotency?.key ?? '', fingerprint: fingerprint() } };

    expect(await h.rejection(K.create, { context: other, name: 'second', environment: 'live', expiresAt: null })).toMatchObject({ code: 'CONFLICT' });
    expect(await h.rejection(K.rotate, { context: other, keyId: result.id, gracePeriodSeconds: 0 })).toMatchObject({ code: 'CONFLICT' });
    expect(await count()).toBe(before);
  });

  it('concurrent duplicates of a create write once; exactly one of them hands out the secret', async () => {
    const context = idempotent();
    const before = await count();
    const replies = await Promise.all(Array.from({ length: 8 }, () => createKey(retried(context))));

    const results = replies.map((reply) => {
      if (!reply.ok) throw new Error(`refused: ${reply.error.code} ${reply.error.message}`);
      return reply.result;
    });
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.key !== null)).toHaveLength(1);
    expect(results.filter((r) => 'secretAlreadyShown' in r && r.secretAlreadyShown)).toHaveLength(7);
    expect(await count()).toBe(before + 1);
  });

  it('a repeated rotate appends one KeyRotated and answers without the new secret', async () => {
    const key = (await h.ok<CreateKeyAnswer>(K.create, { context: commandContext(), name: 'to rotate', environment: 'test', expiresAt: null })).result;
    const context = idempotent();
    const first = await h.ok<RotateKeyAnswer>(K.rotate, { context, keyId: key.id, gracePeriodSeconds: 60 });
    const again = await h.ok<RotateKeyAnswer>(K.rotate, { context: retried(context), keyId: key.id, gracePeriodSeconds: 60 });

    expect(first.result.key).toMatch(/^kw_test_/);
    expect(again.result).toEqual({ ...first.result, key: null, secretAlreadyShown: true });
    expect((await h.stream(keyStreamId(key.id))).map((e) => e.type)).toEqual(['KeyCreated', 'KeyRotated']);
  });

  it('a repeated revoke answers the first revoke (not KEY_REVOKED) and appends nothing', async () => {
    const key = (await h.ok<CreateKeyAnswer>(K.create, { context: commandContext(), name: 'to revoke', environment: 'live', expiresAt: null })).result;
    const context = idempotent();
    const first = await h.ok<RevokeKeyResult>(K.revoke, { context, keyId: key.id });
    const again = await h.ok<RevokeKeyResult>(K.revoke, { context: retried(context), keyId: key.id });

    expect(again).toEqual(first);
    expect((await h.stream(keyStreamId(key.id))).map((e) => e.type)).toEqual(['KeyCreated', 'KeyRevoked']);
    // Without the key, a second revoke is what it always was.
    expect(await h.rejection(K.revoke, { context: commandContext(), keyId: key.id })).toMatchObject({ code: 'KEY_REVOKED' });
  });

  it('a repeated access edit answers what the key held after the first one, even once it changed again', async () => {
    const key = (await h.ok<CreateKeyAnswer>(K.create, { context: commandContext(), name: 'edited', environment: 'live', expiresAt: null })).result;
    const context = idempotent();
    const first = await h.ok<KeyAccessResult>(K.setRoles, { context, keyId: key.id, roles: ['read-only'] });
    await h.ok<KeyAccessResult>(K.setRoles, { context: commandContext(), keyId: key.id, roles: ['admin'] });
    const before = await h.stream(keyStreamId(key.id));
    const again = await h.ok<KeyAccessResult>(K.setRoles, { context: retried(context), keyId: key.id, roles: ['read-only'] });

    expect(again).toEqual(first);
    expect(first.result.roles).toEqual(['read-only']);
    expect(await h.stream(keyStreamId(key.id))).toEqual(before);
  });

  it('a repeated role create appends one RoleCreated and answers the same role', async () => {
    const context = idempotent();
    const request = { name: 'support', description: 'reads calls', permissions: ['calls:read'] };
    const first = await h.ok<RoleResult>(R.create, { context, ...request });
    const again = await h.ok<RoleResult>(R.create, { context: retried(context), ...request });

    expect(again).toEqual(first);
    expect((await h.stream(roleStreamId(first.result.id))).map((e) => e.type)).toEqual(['RoleCreated']);
  });

  it('a repeated workspace create appends one workspace and one admin key, and withholds the admin key', async () => {
    const context = operatorContext({ idempotency: { key: `ws-${randomUUID()}`, fingerprint: fingerprint() } });
    const before = await count();
    const first = await h.ok<CreateWorkspaceAnswer>(W.create, { context, name: 'Acme', plan: 'pro' });
    const again = await h.ok<CreateWorkspaceAnswer>(W.create, { context: retried(context), name: 'Acme', plan: 'pro' });

    expect(first.result.adminKey).toMatch(/^kw_live_/);
    expect(again.result).toEqual({ ...first.result, adminKey: null, secretAlreadyShown: true });
    expect(await count()).toBe(before + 2);
    expect((await h.stream(workspaceStreamId(first.result.id))).map((e) => e.type)).toEqual(['WorkspaceCreated']);
    expect((await h.stream(keyStreamId(first.result.adminKeyId))).map((e) => e.type)).toEqual(['KeyCreated']);
  });

  it('a key reused more than 24 hours later is a new request: the create makes a new key, and a retry of it lands on that one', async () => {
    const context = idempotent();
    const first = await h.ok<CreateKeyAnswer>(K.create, { context, name: 'retried', environment: 'live', expiresAt: null });
    await age(keyStreamId(first.result.id), 25);

    const later = await h.ok<CreateKeyAnswer>(K.create, { context: retried(context), name: 'retried', environment: 'live', expiresAt: null });
    expect(later.result.id).not.toBe(first.result.id);
    expect(later.result.key).toMatch(/^kw_live_/);
    const again = await h.ok<CreateKeyAnswer>(K.create, { context: retried(context), name: 'retried', environment: 'live', expiresAt: null });
    expect(again.result).toEqual({ ...later.result, key: null, secretAlreadyShown: true });
    expect((await h.stream(keyStreamId(later.result.id))).map((e) => e.type)).toEqual(['KeyCreated']);
  });

  it("a key created in a new workspace with the Idempotency-Key the workspace was created with is another key than its admin key", async () => {
    const key = `ws-${randomUUID()}`;
    const workspace = (await h.ok<CreateWorkspaceAnswer>(W.create, { context: operatorContext({ idempotency: { key, fingerprint: fingerprint() } }), name: 'Reused', plan: 'pro' })).result;
    const inWorkspace = commandContext({ workspaceId: workspace.id, idempotency: { key, fingerprint: fingerprint() } });
    const created = (await h.ok<CreateKeyAnswer>(K.create, { context: inWorkspace, name: 'later', environment: 'live', expiresAt: null })).result;

    expect(created.id).not.toBe(workspace.adminKeyId);
    expect(created.key).toMatch(/^kw_live_/);
    expect((await h.stream(keyStreamId(workspace.adminKeyId))).map((e) => e.type)).toEqual(['KeyCreated']);
  });

  it('keys are per workspace: the same key in another workspace is another request, and a foreign key stays unknown', async () => {
    const workspace = (await h.ok<CreateWorkspaceAnswer>(W.create, { context: operatorContext(), name: 'Other', plan: 'pro' })).result;
    const idempotency = { key: `shared-${randomUUID()}`, fingerprint: fingerprint() };
    const here = (await h.ok<CreateKeyAnswer>(K.create, { context: commandContext({ idempotency }), name: 'a', environment: 'live', expiresAt: null })).result;
    const there = (await h.ok<CreateKeyAnswer>(K.create, { context: commandContext({ workspaceId: workspace.id, idempotency }), name: 'a', environment: 'live', expiresAt: null }))
      .result;

    expect(there.id).not.toBe(here.id);
    expect(there.key).toMatch(/^kw_live_/);
    // The other workspace's caller names this workspace's key with the key it was created with: unknown to it, as always.
    expect(await h.rejection(K.rotate, { context: commandContext({ workspaceId: workspace.id, idempotency }), keyId: here.id, gracePeriodSeconds: 0 })).toMatchObject({
      code: 'KEY_NOT_FOUND',
    });
  });

  it.each([
    ['a key too long', { key: 'k'.repeat(256), fingerprint: 'a'.repeat(64) }, 'context.idempotency.key'],
    ['a key with a control character', { key: 'a\nb', fingerprint: 'a'.repeat(64) }, 'context.idempotency.key'],
    ['an empty key', { key: '', fingerprint: 'a'.repeat(64) }, 'context.idempotency.key'],
    ['no fingerprint', { key: 'k' }, 'context.idempotency.fingerprint'],
    ['a fingerprint that is not hex SHA-256', { key: 'k', fingerprint: 'Z'.repeat(64) }, 'context.idempotency.fingerprint'],
    ['a string', 'k', 'context.idempotency'],
  ])('refuses a context with %s (VALIDATION_FAILED) and appends nothing', async (_what, idempotency, field) => {
    const before = await count();
    expect(await h.rejection(K.create, { context: { ...commandContext(), idempotency }, name: 'n', environment: 'live', expiresAt: null })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field,
    });
    expect(await count()).toBe(before);
  });
});
