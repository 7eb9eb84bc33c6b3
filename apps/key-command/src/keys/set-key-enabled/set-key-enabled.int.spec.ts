import { keyStreamId, Subjects, type CreateKeyResult, type IdentityResult, type SetKeyEnabledResult, type UpdateKeyResult } from '@keyward/contracts';
import { createTestDatabase } from '@keyward/testing';
import { commandContext, startKeyCommand, type KeyCommandHarness } from '../../testing/key-command.harness';

jest.setTimeout(30_000);

const S = Subjects.keyCommand;
const DAILY = { remaining: 100, refill: { interval: 'daily', amount: 100 } };

describe('credits, named limits, metadata and disabling over NATS, on the real event store', () => {
  let h: KeyCommandHarness;
  const admin = commandContext();

  const createKey = async (over: Record<string, unknown> = {}): Promise<CreateKeyResult> =>
    (await h.ok<CreateKeyResult>(S.create, { context: admin, name: 'metered', environment: 'live', expiresAt: null, ...over })).result;
  const typesOf = async (keyId: string) => (await h.stream(keyStreamId(keyId))).map((e) => e.type);

  beforeAll(async () => {
    h = await startKeyCommand(await createTestDatabase());
  });

  afterAll(async () => {
    await h?.close();
  });

  it('creates a key with credits, named limits, metadata and an identity id, and answers them', async () => {
    // A key's identity must be live in its workspace (key-command reads its stream).
    const identityId = (await h.ok<IdentityResult>(Subjects.identityCommand.create, { context: admin, externalId: 'metered customer' })).result.id;
    const key = await createKey({ credits: DAILY, ratelimits: [{ name: 'tokens', limit: 10, windowSeconds: 60 }], meta: { plan: 'pro' }, identityId });
    expect(key).toMatchObject({ credits: DAILY, ratelimits: [{ name: 'tokens', limit: 10, windowSeconds: 60, autoApply: true }], meta: { plan: 'pro' }, identityId });
    expect((await h.stream(keyStreamId(key.id)))[0].data).toMatchObject({ credits: DAILY, meta: { plan: 'pro' }, identityId });
  });

  it('sets credits as a new generation on every update that names them, and answers the fields', async () => {
    const key = await createKey({ credits: { remaining: 5 } });
    const { result } = await h.ok<UpdateKeyResult>(S.update, { context: admin, keyId: key.id, credits: { remaining: 5 }, meta: { a: [1] } });
    expect(result).toMatchObject({ credits: { remaining: 5 }, ratelimits: [], meta: { a: [1] } });
    const events = await h.stream(keyStreamId(key.id));
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['KeyCreated', expect.objectContaining({ credits: { remaining: 5 } })],
      ['KeyCreditsChanged', { keyId: key.id, credits: { remaining: 5 }, generation: 2, changedAt: expect.any(String) }],
      ['KeyMetaChanged', { keyId: key.id, meta: { a: [1] } }],
    ]);
  });

  it('refuses bad values from the bus with the field, appending nothing', async () => {
    const key = await createKey();
    const cases: [Record<string, unknown>, string][] = [
      [{ credits: { remaining: -1 } }, 'credits.remaining'],
      [{ credits: 'lots' }, 'credits'],
      [{ ratelimits: [{ name: 'a', limit: 1, windowSeconds: 1, autoApply: 'yes' }] }, 'ratelimits[0].autoApply'],
      [{ meta: [1] }, 'meta'],
    ];
    for (const [fields, field] of cases) {
      expect(await h.rejection(S.update, { context: admin, keyId: key.id, ...fields })).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    expect(await h.rejection(S.setEnabled, { context: admin, keyId: key.id, enabled: 'no' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'enabled' });
    expect(await typesOf(key.id)).toEqual(['KeyCreated']);
  });

  it('disables and enables; asking again appends nothing and answers the same, at the key’s last position', async () => {
    const key = await createKey();
    const disabled = await h.ok<SetKeyEnabledResult>(S.setEnabled, { context: admin, keyId: key.id, enabled: false });
    expect(disabled.result).toEqual({ id: key.id, enabled: false });
    const again = await h.ok<SetKeyEnabledResult>(S.setEnabled, { context: admin, keyId: key.id, enabled: false });
    expect(again).toEqual(disabled);
    expect((await h.ok<SetKeyEnabledResult>(S.setEnabled, { context: admin, keyId: key.id, enabled: true })).result).toEqual({ id: key.id, enabled: true });
    expect(await typesOf(key.id)).toEqual(['KeyCreated', 'KeyDisabled', 'KeyEnabled']);
  });

  it('refuses a revoked key (KEY_REVOKED) and an unknown one (KEY_NOT_FOUND)', async () => {
    const key = await createKey();
    await h.ok(S.revoke, { context: admin, keyId: key.id });
    expect(await h.rejection(S.setEnabled, { context: admin, keyId: key.id, enabled: false })).toMatchObject({ code: 'KEY_REVOKED' });
    expect(await h.rejection(S.setEnabled, { context: admin, keyId: 'key_000000000000000000000000', enabled: true })).toMatchObject({ code: 'KEY_NOT_FOUND' });
  });
});
