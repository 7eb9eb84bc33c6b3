import { keyStreamId, roleStreamId, Subjects, type CreateKeyResult, type DeleteRoleResult, type KeyAccessResult, type RoleResult } from '@keyward/contracts';
import { newRoleId } from '@keyward/domain';
import { createTestDatabase } from '@keyward/testing';
import { commandContext, startKeyCommand, type KeyCommandHarness } from '../testing/key-command.harness';

jest.setTimeout(30_000);

const R = Subjects.roleCommand;
const K = Subjects.keyCommand;

describe('role commands over NATS, on the real event store', () => {
  let h: KeyCommandHarness;
  const admin = commandContext();
  const limited = commandContext({ grants: ['api_keys:write', 'roles:write', 'calls:read'] });

  const createRole = async (permissions: string[], context = admin): Promise<RoleResult> =>
    (await h.ok<RoleResult>(R.create, { context, name: 'support', description: 'reads calls', permissions })).result;
  const createKey = async (over: Record<string, unknown> = {}, context = admin): Promise<CreateKeyResult> =>
    (await h.ok<CreateKeyResult>(K.create, { context, name: 'role holder', environment: 'live', expiresAt: null, ...over })).result;
  const eventsOf = async (streamId: string) => (await h.stream(streamId)).map((e) => [e.type, e.data]);

  beforeAll(async () => {
    h = await startKeyCommand(await createTestDatabase());
  });

  afterAll(async () => {
    await h?.close();
  });

  it('creates a role (RoleCreated, permissions parsed once each) with the context as metadata', async () => {
    const { result, position } = await h.ok<RoleResult>(R.create, {
      context: admin,
      name: ' Support ',
      description: 'reads calls',
      permissions: ['calls:read', 'messages:write', 'calls:read', 'workflows/wf_1:read'],
    });
    expect(result).toEqual({ id: expect.stringMatching(/^role_[0-9A-Za-z]{20}$/), workspaceId: 'default', name: 'Support', description: 'reads calls', permissions: ['calls:read', 'messages:write', 'workflows/wf_1:read'] });
    const [created, ...rest] = await h.stream(roleStreamId(result.id));
    expect(rest).toEqual([]);
    expect(created).toMatchObject({
      type: 'RoleCreated',
      streamVersion: 0n,
      data: { roleId: result.id, workspaceId: 'default', name: 'Support', description: 'reads calls', permissions: ['calls:read', 'messages:write', 'workflows/wf_1:read'] },
      metadata: { workspaceId: 'default', actor: admin.actor, correlationId: admin.correlationId, causationId: admin.correlationId, schemaVersion: 1 },
    });
    expect(position).toMatch(/^\d+\.\d+$/);
  });

  it('updates a role (RolePermissionsChanged with the whole definition); an identical update appends nothing', async () => {
    const role = await createRole(['calls:read']);
    const { result } = await h.ok<RoleResult>(R.update, { context: admin, roleId: role.id, permissions: ['calls:write', 'messages:read'] });
    expect(result).toEqual({ ...role, permissions: ['calls:write', 'messages:read'] });
    await h.ok(R.update, { context: admin, roleId: role.id, name: 'support' });
    const renamed = await h.ok<RoleResult>(R.update, { context: admin, roleId: role.id, name: 'Tier 2', description: '' });
    expect(renamed.result).toMatchObject({ name: 'Tier 2', description: '', permissions: ['calls:write', 'messages:read'] });

    const events = await h.stream(roleStreamId(role.id));
    expect(events.map((e) => e.streamVersion)).toEqual([0n, 1n, 2n]);
    expect(events[1]).toMatchObject({
      type: 'RolePermissionsChanged',
      data: { roleId: role.id, workspaceId: 'default', name: 'support', description: 'reads calls', permissions: ['calls:write', 'messages:read'] },
    });
    expect(events[2].data).toMatchObject({ name: 'Tier 2', description: '', permissions: ['calls:write', 'messages:read'] });
  });

  it('deletes a role (RoleDeleted); it can then be neither edited, deleted again nor assigned', async () => {
    const role = await createRole(['calls:read']);
    const holder = await createKey({ roles: [role.id] });
    const { result } = await h.ok<DeleteRoleResult>(R.delete, { context: admin, roleId: role.id });
    expect(result.id).toBe(role.id);
    expect(await eventsOf(roleStreamId(role.id))).toEqual([
      ['RoleCreated', expect.anything()],
      ['RoleDeleted', { roleId: role.id, workspaceId: 'default', deletedAt: result.deletedAt }],
    ]);

    expect(await h.rejection(R.update, { context: admin, roleId: role.id, name: 'back' })).toMatchObject({ code: 'ROLE_NOT_FOUND' });
    expect(await h.rejection(R.delete, { context: admin, roleId: role.id })).toMatchObject({ code: 'ROLE_NOT_FOUND' });
    expect(await h.rejection(K.create, { context: admin, name: 'k', environment: 'live', expiresAt: null, roles: [role.id] })).toMatchObject({ code: 'ROLE_NOT_FOUND' });
    const other = await createKey({ roles: ['read-only'] });
    expect(await h.rejection(K.setRoles, { context: admin, keyId: other.id, roles: [role.id] })).toMatchObject({ code: 'ROLE_NOT_FOUND' });
    expect((await h.stream(roleStreamId(role.id))).length).toBe(2);
    // A key holding it keeps its id (it grants nothing) and may drop it.
    const { result: dropped } = await h.ok<KeyAccessResult>(K.setRoles, { context: admin, keyId: holder.id, roles: ['read-only'] });
    expect(dropped.roles).toEqual(['read-only']);
  });

  it.each([
    ['update admin', R.update, { roleId: 'admin', permissions: ['calls:read'] }],
    ['update read-only', R.update, { roleId: 'read-only', name: 'viewer' }],
    ['delete admin', R.delete, { roleId: 'admin' }],
    ['delete read-only', R.delete, { roleId: 'read-only' }],
  ])('refuses to %s (built-in) with CONFLICT and appends nothing', async (_what, subject, payload) => {
    const before = (await h.all()).length;
    expect(await h.rejection(subject, { context: admin, ...payload })).toMatchObject({ code: 'CONFLICT' });
    expect((await h.all()).length).toBe(before);
  });

  it('answers ROLE_NOT_FOUND for an unknown or malformed role id', async () => {
    for (const roleId of [newRoleId(), 'role_x', 7, undefined]) {
      expect(await h.rejection(R.update, { context: admin, roleId, name: 'x' })).toMatchObject({ code: 'ROLE_NOT_FOUND' });
      expect(await h.rejection(R.delete, { context: admin, roleId })).toMatchObject({ code: 'ROLE_NOT_FOUND' });
    }
  });

  it('refuses a role granting more than its author holds, on create and on update, appending nothing', async () => {
    const own = await createRole(['calls:read'], limited);
    const before = (await h.all()).length;
    for (const permissions of [['calls:write'], ['*:read'], ['calls:read', 'messages:read']]) {
      expect(await h.rejection(R.create, { context: limited, name: 'wider', permissions })).toMatchObject({ code: 'FORBIDDEN' });
      expect(await h.rejection(R.update, { context: limited, roleId: own.id, permissions })).toMatchObject({ code: 'FORBIDDEN' });
    }
    // Editing a role changes every key holding it, so a narrower caller may not touch a wider role at all.
    const wide = await createRole(['calls:write']);
    expect(await h.rejection(R.update, { context: limited, roleId: wide.id, name: 'renamed' })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await h.all()).length).toBe(before + 1);
  });

  describe("a key's roles", () => {
    it('become the given set: RoleAssigned and RoleUnassigned for the difference, nothing for no change', async () => {
      const support = await createRole(['calls:read']);
      const sales = await createRole(['messages:write']);
      const key = await createKey({ roles: ['read-only'] });

      const { result } = await h.ok<KeyAccessResult>(K.setRoles, { context: admin, keyId: key.id, roles: ['read-only', support.id] });
      expect(result).toMatchObject({ id: key.id, roles: ['read-only', support.id], unrestricted: false });
      await h.ok(K.setRoles, { context: admin, keyId: key.id, roles: [sales.id, support.id] });
      await h.ok(K.setRoles, { context: admin, keyId: key.id, roles: [support.id, sales.id, sales.id] });
      const { result: last } = await h.ok<KeyAccessResult>(K.setRoles, { context: admin, keyId: key.id, roles: [] });
      expect(last.roles).toEqual([]);

      const events = await h.stream(keyStreamId(key.id));
      expect(events.map((e) => [e.type, e.data])).toEqual([
        ['KeyCreated', expect.objectContaining({ roles: ['read-only'] })],
        ['RoleAssigned', { keyId: key.id, roleId: support.id }],
        ['RoleUnassigned', { keyId: key.id, roleId: 'read-only' }],
        ['RoleAssigned', { keyId: key.id, roleId: sales.id }],
        ['RoleUnassigned', { keyId: key.id, roleId: support.id }],
        ['RoleUnassigned', { keyId: key.id, roleId: sales.id }],
      ]);
      expect(events.map((e) => e.streamVersion)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
      expect(events[1].metadata).toMatchObject({ actor: admin.actor, correlationId: admin.correlationId });
    });

    it('make an unrestricted key restricted first (KeyPermissionsChanged, then RoleAssigned)', async () => {
      const role = await createRole(['calls:read']);
      const key = await createKey();
      expect(key.unrestricted).toBe(true);
      const { result } = await h.ok<KeyAccessResult>(K.setRoles, { context: admin, keyId: key.id, roles: [role.id] });
      expect(result).toMatchObject({ roles: [role.id], unrestricted: false });
      expect(await eventsOf(keyStreamId(key.id))).toEqual([
        ['KeyCreated', expect.anything()],
        ['KeyPermissionsChanged', { keyId: key.id, permissions: {}, unrestricted: false }],
        ['RoleAssigned', { keyId: key.id, roleId: role.id }],
      ]);
    });

    it('refuse an unknown role, and a role granting more than the caller, appending nothing', async () => {
      const wide = await createRole(['calls:write']);
      const key = await createKey({ permissions: { calls: 'read' } }, limited);
      expect(await h.rejection(K.setRoles, { context: admin, keyId: key.id, roles: [newRoleId()] })).toMatchObject({ code: 'ROLE_NOT_FOUND', field: 'roles' });
      expect(await h.rejection(K.setRoles, { context: admin, keyId: key.id, roles: ['owner'] })).toMatchObject({ code: 'ROLE_NOT_FOUND' });
      expect(await h.rejection(K.setRoles, { context: limited, keyId: key.id, roles: [wide.id] })).toMatchObject({ code: 'FORBIDDEN' });
      expect(await h.rejection(K.setRoles, { context: limited, keyId: key.id, roles: ['admin'] })).toMatchObject({ code: 'FORBIDDEN' });
      expect(await h.rejection(K.create, { context: limited, name: 'k', environment: 'live', expiresAt: null, roles: [wide.id] })).toMatchObject({ code: 'FORBIDDEN' });
      expect((await h.stream(keyStreamId(key.id))).length).toBe(1);
    });
  });
});
