import { createHash, randomUUID } from 'node:crypto';
import { ErrorCodes, identityStreamId, keyStreamId, Subjects, type CreateKeyResult, type DeleteIdentityResult, type IdentityResult } from '@keyward/contracts';
import { EXTERNAL_ID_CLAIM_GRACE_MS, externalIdStreamId } from '@keyward/domain';
import { createTestDatabase } from '@keyward/testing';
import { commandContext, startKeyCommand, type KeyCommandHarness } from '../testing/key-command.harness';

jest.setTimeout(30_000);

const I = Subjects.identityCommand;
const K = Subjects.keyCommand;

describe('identity commands over NATS, on the real event store', () => {
  let h: KeyCommandHarness;
  const admin = commandContext();
  const elsewhere = commandContext({ workspaceId: 'ws_identities_other' });
  let n = 0;
  const externalId = (): string => `user_${++n}_${Date.now()}`;

  const create = async (over: Record<string, unknown> = {}, context = admin): Promise<IdentityResult> =>
    (await h.ok<IdentityResult>(I.create, { context, externalId: externalId(), ...over })).result;
  const createKey = (over: Record<string, unknown>, context = admin) => h.send<CreateKeyResult>(K.create, { context, name: 'member', environment: 'live', expiresAt: null, ...over });

  beforeAll(async () => {
    h = await startKeyCommand(await createTestDatabase());
  });

  afterAll(async () => {
    await h?.close();
  });

  it('creates an identity: its claim on the external id, then IdentityCreated with credits as generation 1', async () => {
    const id = externalId();
    const { result } = await h.ok<IdentityResult>(I.create, { context: admin, externalId: id, meta: { plan: 'pro' }, ratelimits: [{ name: 'tokens', limit: 5, windowSeconds: 60 }], credits: { remaining: 100 } });
    expect(result).toEqual({
      id: expect.stringMatching(/^idn_[0-9A-Za-z]{24}$/),
      workspaceId: 'default',
      externalId: id,
      meta: { plan: 'pro' },
      ratelimits: [{ name: 'tokens', limit: 5, windowSeconds: 60, autoApply: true }],
      credits: { remaining: 100 },
      createdAt: expect.any(String),
      updatedAt: result.createdAt,
    });
    expect((await h.stream(identityStreamId(result.id))).map((e) => e.type)).toEqual(['IdentityCreated']);
    expect(await h.stream(externalIdStreamId('default', id))).toMatchObject([{ type: 'IdentityExternalIdReserved', data: { identityId: result.id, workspaceId: 'default', externalId: id } }]);
  });

  it('answers a repeat of a create (same Idempotency-Key) with the identity it made, claiming nothing again', async () => {
    const context = commandContext({ idempotency: { key: `identity-${randomUUID()}`, fingerprint: createHash('sha256').update(randomUUID()).digest('hex') } });
    const id = externalId();
    const first = await h.ok<IdentityResult>(I.create, { context, externalId: id });
    const again = await h.ok<IdentityResult>(I.create, { context, externalId: id });
    expect(again).toEqual(first);
    expect(await h.stream(identityStreamId(first.result.id))).toHaveLength(1);
    expect(await h.stream(externalIdStreamId('default', id))).toHaveLength(1);
  });

  it('refuses a second identity with the external id of a live one (409 at externalId), in its workspace only', async () => {
    const first = await create();
    expect(await h.rejection(I.create, { context: admin, externalId: first.externalId })).toMatchObject({ code: ErrorCodes.conflict, field: 'externalId' });
    await expect(create({ externalId: first.externalId }, elsewhere)).resolves.toMatchObject({ workspaceId: elsewhere.workspaceId });
    const other = await create();
    expect(await h.rejection(I.update, { context: admin, identityId: other.id, externalId: first.externalId })).toMatchObject({ code: ErrorCodes.conflict });
  });

  it('of many creates with one external id at once, exactly one succeeds', async () => {
    const id = externalId();
    const replies = await Promise.all(Array.from({ length: 8 }, () => h.send<IdentityResult>(I.create, { context: commandContext(), externalId: id })));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(7).fill(ErrorCodes.conflict));
  });

  it('frees an external id when its identity is renamed or deleted', async () => {
    const renamed = await create();
    await h.ok(I.update, { context: admin, identityId: renamed.id, externalId: externalId() });
    await expect(create({ externalId: renamed.externalId })).resolves.toMatchObject({ externalId: renamed.externalId });

    const deleted = await create();
    const { result } = await h.ok<DeleteIdentityResult>(I.delete, { context: admin, identityId: deleted.id });
    expect(result).toEqual({ id: deleted.id, deletedAt: expect.any(String) });
    await expect(create({ externalId: deleted.externalId })).resolves.toMatchObject({ externalId: deleted.externalId });
    expect(EXTERNAL_ID_CLAIM_GRACE_MS).toBeGreaterThan(0);
  });

  it('sets credits anew at each naming (one generation more), and clears metadata with null', async () => {
    const identity = await create({ meta: { a: 1 }, credits: { remaining: 5 } });
    const { result } = await h.ok<IdentityResult>(I.update, { context: admin, identityId: identity.id, credits: { remaining: 5, refill: { interval: 'daily', amount: 5 } }, meta: null });
    expect(result).toMatchObject({ meta: {}, credits: { remaining: 5, refill: { interval: 'daily', amount: 5 } } });
    const [, changed] = await h.stream(identityStreamId(identity.id));
    expect(changed).toMatchObject({ type: 'IdentityChanged', data: { meta: {}, credits: { generation: 2 } } });
  });

  it('answers an unknown, a malformed, a deleted and another workspace’s identity alike: 404 IDENTITY_NOT_FOUND', async () => {
    const theirs = await create({}, elsewhere);
    const gone = await create();
    await h.ok(I.delete, { context: admin, identityId: gone.id });
    for (const identityId of [theirs.id, gone.id, 'idn_000000000000000000000000', 'key_1']) {
      expect(await h.rejection(I.update, { context: admin, identityId, meta: {} })).toMatchObject({ code: ErrorCodes.identityNotFound, message: 'no such identity' });
      expect(await h.rejection(I.delete, { context: admin, identityId })).toMatchObject({ code: ErrorCodes.identityNotFound });
    }
  });

  it('refuses bad input with the field at fault', async () => {
    expect(await h.rejection(I.create, { context: admin, externalId: '' })).toMatchObject({ code: ErrorCodes.validationFailed, field: 'externalId' });
    expect(await h.rejection(I.create, { context: admin, externalId: 'x', meta: [] })).toMatchObject({ code: ErrorCodes.validationFailed, field: 'meta' });
    expect(await h.rejection(I.create, { context: admin, externalId: 'x', credits: { remaining: -1 } })).toMatchObject({ code: ErrorCodes.validationFailed, field: 'credits.remaining' });
    expect(await h.rejection(I.create, { context: admin, externalId: 'x', ratelimits: [{ name: 'a b', limit: 1, windowSeconds: 1 }] })).toMatchObject({ code: ErrorCodes.validationFailed, field: 'ratelimits[0].name' });
  });

  it('creates a key of a live identity of its workspace (identityId in KeyCreated), and no other', async () => {
    const identity = await create();
    const reply = await createKey({ identityId: identity.id });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.result.identityId).toBe(identity.id);
    const [created] = await h.stream(keyStreamId(reply.result.id));
    expect(created).toMatchObject({ type: 'KeyCreated', data: { identityId: identity.id } });

    const theirs = await create({}, elsewhere);
    const gone = await create();
    await h.ok(I.delete, { context: admin, identityId: gone.id });
    for (const identityId of [theirs.id, gone.id, 'idn_000000000000000000000000', 'nope']) {
      expect(await createKey({ identityId })).toMatchObject({ ok: false, error: { code: ErrorCodes.identityNotFound, message: 'no such identity' } });
    }
  });
});
