import { keyStreamId, Subjects, type CreateKeyResult, type CreateWorkspaceResult, type UpdateKeyResult } from '@keyward/contracts';
import { createTestDatabase } from '@keyward/testing';
import { commandContext, operatorContext, startKeyCommand, type KeyCommandHarness } from '../../testing/key-command.harness';

jest.setTimeout(30_000);

const S = Subjects.keyCommand;
const IN_A_YEAR = new Date(Date.now() + 365 * 86_400_000).toISOString();
/** What an update answers of a key that has no credits, named limits or metadata. */
const NOTHING_ELSE = { credits: null, ratelimits: [], meta: {} };

describe('updating a key over NATS, on the real event store', () => {
  let h: KeyCommandHarness;
  const admin = commandContext();

  const createKey = async (over: Record<string, unknown> = {}): Promise<CreateKeyResult> =>
    (await h.ok<CreateKeyResult>(S.create, { context: admin, name: 'edited', environment: 'live', expiresAt: null, ...over })).result;
  const eventsOf = async (keyId: string) => (await h.stream(keyStreamId(keyId))).map((e) => [e.type, e.data]);

  beforeAll(async () => {
    h = await startKeyCommand(await createTestDatabase());
  });

  afterAll(async () => {
    await h?.close();
  });

  it('creates a key with a rate limit and an allowlist, normalised, and answers both', async () => {
    const key = await createKey({ ratelimit: { limit: 50, windowSeconds: 10 }, ipAllowlist: ['10.1.2.3/8', '::ffff:192.0.2.1'] });
    expect(key).toMatchObject({ ratelimit: { limit: 50, windowSeconds: 10 }, ipAllowlist: ['10.0.0.0/8', '192.0.2.1'] });
    expect((await h.stream(keyStreamId(key.id)))[0].data).toMatchObject({ ratelimit: { limit: 50, windowSeconds: 10 }, ipAllowlist: ['10.0.0.0/8', '192.0.2.1'] });
  });

  it('leaves a plain key’s KeyCreated without either field', async () => {
    const key = await createKey();
    expect(key).toMatchObject({ ratelimit: null, ipAllowlist: [] });
    const [created] = await h.stream(keyStreamId(key.id));
    expect(created.data).not.toHaveProperty('ratelimit');
    expect(created.data).not.toHaveProperty('ipAllowlist');
  });

  it('appends one event per changed field in one append, and none when nothing changes', async () => {
    const key = await createKey();
    const { result, position } = await h.ok<UpdateKeyResult>(S.update, {
      context: admin,
      keyId: key.id,
      name: 'renamed',
      expiresAt: IN_A_YEAR,
      ratelimit: { limit: 5, windowSeconds: 1 },
      ipAllowlist: ['2001:db8::/32'],
    });
    expect(result).toEqual({ id: key.id, name: 'renamed', expiresAt: IN_A_YEAR, ratelimit: { limit: 5, windowSeconds: 1 }, ipAllowlist: ['2001:db8::/32'], ...NOTHING_ELSE });
    const events = await h.stream(keyStreamId(key.id));
    expect(events.map((e) => e.type)).toEqual(['KeyCreated', 'KeyRenamed', 'KeyExpiryChanged', 'KeyRateLimitChanged', 'KeyIpAllowlistChanged']);
    // One append: the answer's position is that of its last event, and all four share the metadata.
    expect(new Set(events.slice(1).map((e) => e.metadata.correlationId))).toEqual(new Set([admin.correlationId]));
    expect(position).toBeDefined();

    await h.ok(S.update, { context: admin, keyId: key.id, name: 'renamed', expiresAt: IN_A_YEAR });
    expect(await h.stream(keyStreamId(key.id))).toHaveLength(5);

    const { result: cleared } = await h.ok<UpdateKeyResult>(S.update, { context: admin, keyId: key.id, expiresAt: null, ratelimit: null, ipAllowlist: null });
    expect(cleared).toMatchObject({ expiresAt: null, ratelimit: null, ipAllowlist: [] });
    expect((await eventsOf(key.id)).slice(5)).toEqual([
      ['KeyExpiryChanged', { keyId: key.id, expiresAt: null }],
      ['KeyRateLimitChanged', { keyId: key.id, ratelimit: null }],
      ['KeyIpAllowlistChanged', { keyId: key.id, ipAllowlist: [] }],
    ]);
  });

  it('refuses a past expiry and bad limits with the field, appending nothing', async () => {
    const key = await createKey();
    const cases: [Record<string, unknown>, string][] = [
      [{ expiresAt: '2000-01-01T00:00:00Z' }, 'expiresAt'],
      [{ expiresAt: 7 }, 'expiresAt'],
      [{ ratelimit: { limit: 0, windowSeconds: 1 } }, 'ratelimit.limit'],
      [{ ipAllowlist: ['10.0.0.0/40'] }, 'ipAllowlist[0]'],
      [{ name: '' }, 'name'],
    ];
    for (const [fields, field] of cases) {
      expect(await h.rejection(S.update, { context: admin, keyId: key.id, ...fields })).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    expect(await h.stream(keyStreamId(key.id))).toHaveLength(1);
  });

  it('refuses a revoked key (KEY_REVOKED), and another workspace’s or a deleted key as unknown', async () => {
    const revoked = await createKey();
    await h.ok(S.revoke, { context: admin, keyId: revoked.id });
    expect(await h.rejection(S.update, { context: admin, keyId: revoked.id, name: 'again' })).toMatchObject({ code: 'KEY_REVOKED' });

    const other = await createKey();
    const { id: otherWorkspace } = (await h.ok<CreateWorkspaceResult>(Subjects.workspaceCommand.create, { context: operatorContext(), name: 'Other', plan: 'pro' })).result;
    expect(await h.rejection(S.update, { context: commandContext({ workspaceId: otherWorkspace }), keyId: other.id, name: 'mine' })).toMatchObject({ code: 'KEY_NOT_FOUND' });

    await h.ok(S.delete, { context: admin, keyId: other.id });
    expect(await h.rejection(S.update, { context: admin, keyId: other.id, name: 'gone' })).toMatchObject({ code: 'KEY_NOT_FOUND' });
  });

  it('keeps name, expiry, rate limit and allowlist across a rotation', async () => {
    const key = await createKey({ ratelimit: { limit: 9, windowSeconds: 60 }, ipAllowlist: ['203.0.113.0/24'], expiresAt: IN_A_YEAR });
    await h.ok(S.update, { context: admin, keyId: key.id, name: 'kept' });
    await h.ok(S.rotate, { context: admin, keyId: key.id, gracePeriodSeconds: 0 });
    const { result } = await h.ok<UpdateKeyResult>(S.update, { context: admin, keyId: key.id });
    expect(result).toEqual({ id: key.id, name: 'kept', expiresAt: IN_A_YEAR, ratelimit: { limit: 9, windowSeconds: 60 }, ipAllowlist: ['203.0.113.0/24'], ...NOTHING_ELSE });
  });
});
