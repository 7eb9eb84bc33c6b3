import { credentialStreamId, Subjects, type CreateKeyResult, type CredentialResult, type DeleteCredentialResult, type RoleResult } from '@keyward/contracts';
import { newCredentialId, newKeyId } from '@keyward/domain';
import { createTestDatabase } from '@keyward/testing';
import { commandContext, operatorContext, startKeyCommand, storedText, type KeyCommandHarness } from '../testing/key-command.harness';

jest.setTimeout(30_000);

const C = Subjects.credentialCommand;
const SEALED = { nonce: 'bm9uY2Vub25jZQ', ciphertext: 'Y2lwaGVy', tag: 'dGFndGFndGFndGFn' };

describe('credential commands over NATS, on the real event store', () => {
  let h: KeyCommandHarness;
  const admin = commandContext();

  const store = async (over: Record<string, unknown> = {}, context = admin): Promise<CredentialResult> =>
    (
      await h.ok<CredentialResult>(C.store, {
        context,
        credentialId: newCredentialId(),
        service: 'stripe',
        name: 'billing',
        location: 'header',
        parameterName: 'X-API-Key',
        allowedHosts: ['API.stripe.com'],
        sealedValue: SEALED,
        lastFour: 'wxyz',
        ...over,
      })
    ).result;
  const eventsOf = async (credentialId: string) => (await h.stream(credentialStreamId(credentialId))).map((e) => [e.type, e.data]);

  beforeAll(async () => {
    h = await startKeyCommand(await createTestDatabase());
  });

  afterAll(async () => {
    await h?.close();
  });

  it('stores a credential owned by the storing key, with the context as metadata; the event holds the sealed value only', async () => {
    const credentialId = newCredentialId();
    const { result } = await h.ok<CredentialResult>(C.store, {
      context: admin,
      credentialId,
      service: ' stripe ',
      name: 'billing',
      location: 'bearer',
      allowedHosts: ['API.stripe.com', 'bücher.example'],
      sealedValue: SEALED,
      lastFour: 'wxyz',
    });
    expect(result).toEqual({ id: credentialId, workspaceId: 'default' });
    const [stored, ...rest] = await h.stream(credentialStreamId(credentialId));
    expect(rest).toEqual([]);
    expect(stored).toMatchObject({
      type: 'CredentialStored',
      data: {
        credentialId,
        workspaceId: 'default',
        service: 'stripe',
        location: 'bearer',
        parameterName: 'Authorization',
        allowedHosts: ['api.stripe.com', 'xn--bcher-kva.example'],
        ownerKeyId: admin.actor,
        sharedWith: { keys: [], roles: [] },
        sealedValue: SEALED,
        lastFour: 'wxyz',
      },
      metadata: { workspaceId: 'default', actor: admin.actor, correlationId: admin.correlationId },
    });
  });

  it('edits, rotates, shares and deletes; then the credential is not found for anything', async () => {
    const { id } = await store();
    const { result: key } = await h.ok<CreateKeyResult>(Subjects.keyCommand.create, { context: admin, name: 'user', environment: 'live', expiresAt: null });
    const { result: role } = await h.ok<RoleResult>(Subjects.roleCommand.create, { context: admin, name: 'ops', permissions: ['calls:read'] });
    await h.ok(C.update, { context: admin, credentialId: id, name: 'payments', allowedHosts: ['files.stripe.com'] });
    await h.ok(C.update, { context: admin, credentialId: id, name: 'payments' });
    await h.ok(C.rotateValue, { context: admin, credentialId: id, sealedValue: { ...SEALED, nonce: 'b3RoZXJub25jZQ' }, lastFour: 'abcd' });
    await h.ok(C.setSharing, { context: admin, credentialId: id, sharedWith: { keys: [key.id], roles: [role.id, 'read-only'] } });
    await h.ok(C.setSharing, { context: admin, credentialId: id, sharedWith: { keys: [], roles: [role.id] } });
    const { result: deleted } = await h.ok<DeleteCredentialResult>(C.delete, { context: admin, credentialId: id });
    expect((await eventsOf(id)).map(([type]) => type)).toEqual([
      'CredentialStored',
      'CredentialChanged',
      'CredentialValueRotated',
      'CredentialShared',
      'CredentialShared',
      'CredentialShared',
      'CredentialUnshared',
      'CredentialUnshared',
      'CredentialDeleted',
    ]);
    expect((await eventsOf(id)).at(-1)).toEqual(['CredentialDeleted', { credentialId: id, workspaceId: 'default', deletedAt: deleted.deletedAt }]);
    for (const [subject, payload] of [
      [C.update, { name: 'x' }],
      [C.rotateValue, { sealedValue: SEALED, lastFour: 'abcd' }],
      [C.setSharing, { sharedWith: { keys: [], roles: [] } }],
      [C.delete, {}],
    ] as const) {
      expect(await h.rejection(subject, { context: admin, credentialId: id, ...payload })).toMatchObject({ code: 'CREDENTIAL_NOT_FOUND' });
    }
  });

  it('keeps workspaces apart: another workspace’s credential, key or role is unknown', async () => {
    const { id } = await store();
    const { result: other } = await h.ok<{ id: string }>(Subjects.workspaceCommand.create, { context: operatorContext(), name: 'other', plan: 'enterprise' });
    const foreign = commandContext({ workspaceId: other.id });
    expect(await h.rejection(C.update, { context: foreign, credentialId: id, name: 'mine' })).toMatchObject({ code: 'CREDENTIAL_NOT_FOUND' });
    expect(await h.rejection(C.delete, { context: foreign, credentialId: id })).toMatchObject({ code: 'CREDENTIAL_NOT_FOUND' });
    const { result: key } = await h.ok<CreateKeyResult>(Subjects.keyCommand.create, { context: admin, name: 'default key', environment: 'live', expiresAt: null });
    const own = await store({}, foreign);
    expect(await h.rejection(C.setSharing, { context: foreign, credentialId: own.id, sharedWith: { keys: [key.id], roles: [] } })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'sharedWith.keys[0]' });
    expect(await h.rejection(C.setSharing, { context: admin, credentialId: id, sharedWith: { keys: [newKeyId()], roles: [] } })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'sharedWith.keys[0]' });
  });

  it('needs the enterprise plan to share (402), not to store a personal credential', async () => {
    const { result: pro } = await h.ok<{ id: string }>(Subjects.workspaceCommand.create, { context: operatorContext(), name: 'pro', plan: 'pro' });
    const context = commandContext({ workspaceId: pro.id });
    const { id } = await store({}, context);
    expect(await h.rejection(C.setSharing, { context, credentialId: id, sharedWith: { keys: [], roles: ['read-only'] } })).toMatchObject({ code: 'PLAN_UPGRADE_REQUIRED' });
    expect(await eventsOf(id)).toHaveLength(1);
  });

  it('refuses malformed sealed values and fields with VALIDATION_FAILED naming the field, appending nothing', async () => {
    const before = (await h.all()).length;
    const good = { context: admin, service: 's', name: 'n', location: 'header', parameterName: 'X-Key', allowedHosts: ['a.example'], sealedValue: SEALED, lastFour: 'wxyz' };
    const cases: [Record<string, unknown>, string][] = [
      [{ sealedValue: { ...SEALED, tag: 'not base64url!' } }, 'sealedValue.tag'],
      [{ sealedValue: 'plain text' }, 'sealedValue'],
      [{ lastFour: 'abcde' }, 'lastFour'],
      [{ allowedHosts: 'api.stripe.com' }, 'allowedHosts'],
      [{ allowedHosts: ['https://api.stripe.com'] }, 'allowedHosts[0]'],
      [{ location: 'cookie' }, 'location'],
      [{ sharedWith: { keys: 'key_x' } }, 'sharedWith.keys'],
    ];
    for (const [over, field] of cases) {
      expect(await h.rejection(C.store, { ...good, credentialId: newCredentialId(), ...over })).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    expect((await h.all()).length).toBe(before);
    expect(storedText(await h.all())).not.toContain('not base64url!');
  });
});
