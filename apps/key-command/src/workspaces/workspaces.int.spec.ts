import {
  keyStreamId,
  roleStreamId,
  Subjects,
  workspaceStreamId,
  type CommandContext,
  type CreateKeyResult,
  type CreateWorkspaceResult,
  type KeyAccessResult,
  type RoleResult,
  type WorkspaceResult,
} from '@keyward/contracts';
import { DEFAULT_RESOURCE_CATALOGUE, defaultWorkspaceSettings, hashKeySecret, newWorkspaceId } from '@keyward/domain';
import { positionToToken } from '@keyward/event-store';
import { createTestDatabase } from '@keyward/testing';
import { commandContext, operatorContext, startKeyCommand, storedText, type KeyCommandHarness } from '../testing/key-command.harness';

jest.setTimeout(30_000);

const W = Subjects.workspaceCommand;
const K = Subjects.keyCommand;
const R = Subjects.roleCommand;

describe('workspace commands over NATS, on the real event store', () => {
  let h: KeyCommandHarness;
  const operator = operatorContext();

  const createWorkspace = async (plan?: string, name = 'Acme'): Promise<CreateWorkspaceResult> =>
    (await h.ok<CreateWorkspaceResult>(W.create, { context: operator, name, ...(plan ? { plan } : {}) })).result;
  /** A key of that workspace acting on it, with every permission but no operator powers. */
  const adminOf = (workspaceId: string): CommandContext => commandContext({ workspaceId });
  const createKey = async (context: CommandContext, over: Record<string, unknown> = {}): Promise<CreateKeyResult> =>
    (await h.ok<CreateKeyResult>(K.create, { context, name: 'k', environment: 'live', expiresAt: null, ...over })).result;
  const count = async (): Promise<number> => (await h.all()).length;

  beforeAll(async () => {
    h = await startKeyCommand(await createTestDatabase());
  });

  afterAll(async () => {
    await h?.close();
  });

  it('lets the operator create a workspace: WorkspaceCreated, then its first admin key, shown once', async () => {
    const { result, position } = await h.ok<CreateWorkspaceResult>(W.create, { context: operator, name: ' Acme Corp ', plan: 'enterprise' });
    expect(result).toEqual({ id: expect.stringMatching(/^ws_[0-9A-Za-z]{20}$/), name: 'Acme Corp', plan: 'enterprise', adminKey: expect.stringMatching(/^kw_live_/), adminKeyId: expect.stringMatching(/^key_/) });

    const [created, ...more] = await h.stream(workspaceStreamId(result.id));
    expect(more).toEqual([]);
    expect(created).toMatchObject({
      type: 'WorkspaceCreated',
      streamVersion: 0n,
      data: { workspaceId: result.id, name: 'Acme Corp', plan: 'enterprise', settings: { keyPermissionsImmutable: false, resourceCatalogue: DEFAULT_RESOURCE_CATALOGUE } },
      // The events belong to the new workspace; the actor says who made it.
      metadata: { workspaceId: result.id, actor: 'root', correlationId: operator.correlationId, causationId: operator.correlationId, schemaVersion: 1 },
    });

    const [adminKey, ...rest] = await h.stream(keyStreamId(result.adminKeyId));
    expect(rest).toEqual([]);
    expect(adminKey).toMatchObject({
      type: 'KeyCreated',
      data: { keyId: result.adminKeyId, workspaceId: result.id, name: 'Admin key', environment: 'live', roles: [], permissions: {}, unrestricted: true, secretHash: hashKeySecret(h.pepper, result.adminKey) },
      metadata: { workspaceId: result.id, actor: 'root', correlationId: operator.correlationId },
    });
    expect(position).toBe(positionToToken(adminKey.position));
    const stored = storedText(await h.all());
    expect(stored).not.toContain(result.adminKey);
    expect(stored).not.toContain(result.adminKey.slice(12, -4));
  });

  it('refuses a workspace or a plan change to anyone but the operator (FORBIDDEN), appending nothing', async () => {
    const ws = await createWorkspace('pro');
    const before = await count();
    expect(await h.rejection(W.create, { context: commandContext(), name: 'Mine', plan: 'enterprise' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.rejection(W.create, { context: adminOf(ws.id), name: 'Mine' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.rejection(W.update, { context: adminOf(ws.id), workspaceId: ws.id, plan: 'enterprise' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await count()).toBe(before);
  });

  it('starts on the free plan, where keys are PLAN_UPGRADE_REQUIRED until the operator changes the plan', async () => {
    const ws = await createWorkspace();
    expect(ws.plan).toBe('free');
    // The operator seeds even a free workspace with its admin key.
    expect((await h.stream(keyStreamId(ws.adminKeyId))).map((e) => e.type)).toEqual(['KeyCreated']);
    const admin = adminOf(ws.id);
    const before = await count();
    expect(await h.rejection(K.create, { context: admin, name: 'k', environment: 'live', expiresAt: null })).toMatchObject({ code: 'PLAN_UPGRADE_REQUIRED' });
    expect(await count()).toBe(before);

    const { result } = await h.ok<WorkspaceResult>(W.update, { context: operator, workspaceId: ws.id, plan: 'pro' });
    expect(result).toMatchObject({ id: ws.id, plan: 'pro' });
    const events = await h.stream(workspaceStreamId(ws.id));
    expect(events[1]).toMatchObject({ type: 'WorkspacePlanChanged', streamVersion: 1n, data: { workspaceId: ws.id, plan: 'pro' }, metadata: { workspaceId: ws.id, actor: 'root' } });
    // The same plan again changes nothing.
    await h.ok(W.update, { context: operator, workspaceId: ws.id, plan: 'pro' });
    expect((await h.stream(workspaceStreamId(ws.id))).length).toBe(2);

    const key = await createKey(admin, { permissions: { calls: 'read' } });
    expect(key.permissions).toEqual({ calls: 'read' });
    // pro has restricted keys, but neither custom roles nor shares.
    expect(await h.rejection(R.create, { context: admin, name: 'r', permissions: ['calls:read'] })).toMatchObject({ code: 'PLAN_UPGRADE_REQUIRED' });
    expect(await h.rejection(K.share, { context: admin, keyId: key.id, resource: 'workflows', resourceId: 'wf_1', access: 'read' })).toMatchObject({ code: 'PLAN_UPGRADE_REQUIRED' });

    await h.ok(W.update, { context: operator, workspaceId: ws.id, plan: 'free' });
    expect(await h.rejection(K.create, { context: admin, name: 'k', environment: 'live', expiresAt: null })).toMatchObject({ code: 'PLAN_UPGRADE_REQUIRED' });
    expect(await h.rejection(K.setPermissions, { context: admin, keyId: key.id, permissions: { calls: 'write' } })).toMatchObject({ code: 'PLAN_UPGRADE_REQUIRED' });
  });

  it('honours at once a plan change another replica wrote, though this one decided on the workspace just before', async () => {
    const ws = await createWorkspace('pro');
    const admin = adminOf(ws.id);
    await createKey(admin, { permissions: { calls: 'read' } });
    // Another key-command replica downgrades the plan: this one learns of it only from the history.
    const metadata = { workspaceId: ws.id, actor: 'root', correlationId: 'elsewhere', causationId: 'elsewhere', occurredAt: new Date().toISOString(), schemaVersion: 1 };
    await h.store.appendToStream(workspaceStreamId(ws.id), [{ type: 'WorkspacePlanChanged', data: { workspaceId: ws.id, plan: 'free' }, metadata }], { expectedVersion: 0n });
    const before = await count();
    expect(await h.rejection(K.create, { context: admin, name: 'k', environment: 'live', expiresAt: null })).toMatchObject({ code: 'PLAN_UPGRADE_REQUIRED' });
    expect(await count()).toBe(before);
  });

  it('changes settings only for a full-access key, appending nothing otherwise', async () => {
    const ws = await createWorkspace('enterprise');
    const before = await count();
    const manager = commandContext({ workspaceId: ws.id, grants: ['api_keys:write', 'roles:write', 'calls:write'] });
    expect(await h.rejection(W.update, { context: manager, workspaceId: ws.id, settings: { keyPermissionsImmutable: true } })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await count()).toBe(before);
    await h.ok(W.update, { context: adminOf(ws.id), workspaceId: ws.id, settings: { keyPermissionsImmutable: true } });
  });

  it('with keyPermissionsImmutable, refuses every access edit with CONFLICT and appends nothing; revoking still works', async () => {
    const ws = await createWorkspace('enterprise');
    const admin = adminOf(ws.id);
    const key = await createKey(admin, { permissions: { calls: 'read' } });
    await h.ok(K.share, { context: admin, keyId: key.id, resource: 'workflows', resourceId: 'wf_1', access: 'read' });

    const { result } = await h.ok<WorkspaceResult>(W.update, { context: admin, workspaceId: ws.id, settings: { keyPermissionsImmutable: true } });
    expect(result.settings).toEqual({ ...defaultWorkspaceSettings(), keyPermissionsImmutable: true });
    const settingsChanged = (await h.stream(workspaceStreamId(ws.id))).at(-1);
    expect(settingsChanged).toMatchObject({ type: 'WorkspaceSettingsChanged', data: { workspaceId: ws.id, settings: { keyPermissionsImmutable: true } }, metadata: { actor: admin.actor } });
    // Read back from the store (jsonb keeps object keys in an order of its own), the same settings change nothing.
    await h.ok(W.update, { context: admin, workspaceId: ws.id, settings: { keyPermissionsImmutable: true } });
    await h.ok(W.update, { context: admin, workspaceId: ws.id, settings: { keyPermissionsImmutable: true, resourceCatalogue: DEFAULT_RESOURCE_CATALOGUE } });
    expect((await h.stream(workspaceStreamId(ws.id))).length).toBe(2);

    const before = await count();
    const refused = [
      await h.rejection(K.setPermissions, { context: admin, keyId: key.id, permissions: { calls: 'write' } }),
      await h.rejection(K.setPermissions, { context: admin, keyId: key.id, permissions: {} }),
      await h.rejection(K.setRoles, { context: admin, keyId: key.id, roles: ['read-only'] }),
      await h.rejection(K.share, { context: admin, keyId: key.id, resource: 'workflows', resourceId: 'wf_2', access: 'read' }),
      await h.rejection(K.unshare, { context: admin, keyId: key.id, resource: 'workflows', resourceId: 'wf_1' }),
    ];
    expect(refused.map((e) => e.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(await count()).toBe(before);

    // New keys are still made with their access; ending a key is no access edit.
    expect((await createKey(admin, { permissions: { messages: 'read' } })).permissions).toEqual({ messages: 'read' });
    await h.ok(K.revoke, { context: admin, keyId: key.id });

    await h.ok(W.update, { context: admin, workspaceId: ws.id, settings: { keyPermissionsImmutable: false } });
    const other = await createKey(admin, { permissions: { calls: 'read' } });
    expect((await h.ok<KeyAccessResult>(K.setPermissions, { context: admin, keyId: other.id, permissions: { calls: 'write' } })).result.permissions).toEqual({ calls: 'write' });
  });

  it('sets staleAfterDays and rateLimitWhenUnreachable, and refuses them out of range with the field', async () => {
    const ws = await createWorkspace('pro');
    const admin = adminOf(ws.id);
    const { result } = await h.ok<WorkspaceResult>(W.update, { context: admin, workspaceId: ws.id, settings: { staleAfterDays: 7, rateLimitWhenUnreachable: 'deny' } });
    expect(result.settings).toEqual({ ...defaultWorkspaceSettings(), staleAfterDays: 7, rateLimitWhenUnreachable: 'deny' });
    expect(await h.rejection(W.update, { context: admin, workspaceId: ws.id, settings: { staleAfterDays: 3651 } })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'settings.staleAfterDays' });
    expect(await h.rejection(W.update, { context: admin, workspaceId: ws.id, settings: { rateLimitWhenUnreachable: 'maybe' } })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'settings.rateLimitWhenUnreachable',
    });
    expect((await h.stream(workspaceStreamId(ws.id))).length).toBe(2);
  });

  it('answers WORKSPACE_NOT_FOUND for an unknown workspace, as a target and as the caller’s own', async () => {
    const unknown = newWorkspaceId();
    const before = await count();
    expect(await h.rejection(W.update, { context: operator, workspaceId: unknown, plan: 'pro' })).toMatchObject({ code: 'WORKSPACE_NOT_FOUND' });
    expect(await h.rejection(W.update, { context: operator, workspaceId: 'not-a-workspace', plan: 'pro' })).toMatchObject({ code: 'WORKSPACE_NOT_FOUND' });
    expect(await h.rejection(K.create, { context: adminOf(unknown), name: 'k', environment: 'live', expiresAt: null })).toMatchObject({ code: 'WORKSPACE_NOT_FOUND' });
    expect(await h.rejection(R.create, { context: adminOf(unknown), name: 'r', permissions: ['calls:read'] })).toMatchObject({ code: 'WORKSPACE_NOT_FOUND' });
    expect(await count()).toBe(before);
  });

  it('has workspace default without any event, and lets its admin extend its catalogue', async () => {
    expect((await h.ok<WorkspaceResult>(W.update, { context: operator, workspaceId: 'default', plan: 'enterprise' })).result).toMatchObject({ id: 'default', plan: 'enterprise' });
    expect(await h.stream(workspaceStreamId('default'))).toEqual([]);
    const admin = commandContext();
    expect(await h.rejection(K.create, { context: admin, name: 'k', environment: 'live', expiresAt: null, permissions: { spaceships: 'read' } })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'permissions.spaceships',
    });
    const resourceCatalogue = [...DEFAULT_RESOURCE_CATALOGUE, { resource: 'spaceships', group: 'Fleet' }];
    const { result } = await h.ok<WorkspaceResult>(W.update, { context: admin, workspaceId: 'default', settings: { resourceCatalogue } });
    expect(result.settings.resourceCatalogue).toEqual(resourceCatalogue);
    expect((await h.stream(workspaceStreamId('default'))).map((e) => e.type)).toEqual(['WorkspaceSettingsChanged']);
    await h.ok(W.update, { context: admin, workspaceId: 'default', settings: { resourceCatalogue } });
    expect((await h.stream(workspaceStreamId('default'))).length).toBe(1);
    expect((await createKey(admin, { permissions: { spaceships: 'read' } })).permissions).toEqual({ spaceships: 'read' });
  });

  describe('isolation between workspaces', () => {
    let a: CreateWorkspaceResult;
    let b: CreateWorkspaceResult;
    let keyOfA: CreateKeyResult;
    let roleOfA: RoleResult;

    beforeAll(async () => {
      a = await createWorkspace('enterprise', 'A');
      b = await createWorkspace('enterprise', 'B');
      keyOfA = await createKey(adminOf(a.id), { permissions: { calls: 'read' } });
      await h.ok(K.share, { context: adminOf(a.id), keyId: keyOfA.id, resource: 'workflows', resourceId: 'wf_1', access: 'read' });
      roleOfA = (await h.ok<RoleResult>(R.create, { context: adminOf(a.id), name: 'a-role', permissions: ['calls:read'] })).result;
    });

    const commandsOn = (keyId: string): [string, Record<string, unknown>][] => [
      [K.setPermissions, { keyId, permissions: { calls: 'write' } }],
      [K.setRoles, { keyId, roles: ['read-only'] }],
      [K.share, { keyId, resource: 'workflows', resourceId: 'wf_2', access: 'read' }],
      [K.unshare, { keyId, resource: 'workflows', resourceId: 'wf_1' }],
      [K.rotate, { keyId, gracePeriodSeconds: 0 }],
      [K.revoke, { keyId }],
      [K.delete, { keyId }],
    ];

    it.each([
      ['an admin key of workspace B', () => adminOf(b.id)],
      ['an admin key of workspace default', () => commandContext()],
      ['the operator, acting in workspace default', () => operator],
    ])("cannot touch a key of workspace A as %s: KEY_NOT_FOUND, nothing appended", async (_who, contextOf) => {
      const context = contextOf();
      for (const [subject, payload] of commandsOn(keyOfA.id)) {
        expect({ subject, ...(await h.rejection(subject, { context, ...payload })) }).toMatchObject({ subject, code: 'KEY_NOT_FOUND' });
      }
      expect((await h.stream(keyStreamId(keyOfA.id))).length).toBe(2);
    });

    it("cannot edit, delete or assign a role of workspace A from workspace B: ROLE_NOT_FOUND", async () => {
      const inB = adminOf(b.id);
      const keyOfB = await createKey(inB, { permissions: { calls: 'read' } });
      const before = await count();
      expect(await h.rejection(R.update, { context: inB, roleId: roleOfA.id, permissions: ['calls:write'] })).toMatchObject({ code: 'ROLE_NOT_FOUND' });
      expect(await h.rejection(R.delete, { context: inB, roleId: roleOfA.id })).toMatchObject({ code: 'ROLE_NOT_FOUND' });
      expect(await h.rejection(K.setRoles, { context: inB, keyId: keyOfB.id, roles: [roleOfA.id] })).toMatchObject({ code: 'ROLE_NOT_FOUND' });
      expect(await h.rejection(K.create, { context: inB, name: 'k', environment: 'live', expiresAt: null, roles: [roleOfA.id] })).toMatchObject({ code: 'ROLE_NOT_FOUND' });
      expect(await count()).toBe(before);
      expect((await h.stream(roleStreamId(roleOfA.id))).length).toBe(1);
    });

    it("cannot change workspace A's settings from workspace B: WORKSPACE_NOT_FOUND", async () => {
      const before = await count();
      expect(await h.rejection(W.update, { context: adminOf(b.id), workspaceId: a.id, settings: { keyPermissionsImmutable: true } })).toMatchObject({ code: 'WORKSPACE_NOT_FOUND' });
      expect(await count()).toBe(before);
    });

    it('still lets workspace A act on its own key', async () => {
      const { result } = await h.ok<KeyAccessResult>(K.setPermissions, { context: adminOf(a.id), keyId: keyOfA.id, permissions: { calls: 'write' } });
      expect(result.permissions).toEqual({ calls: 'write' });
      const last = (await h.stream(keyStreamId(keyOfA.id))).at(-1);
      expect(last?.metadata.workspaceId).toBe(a.id);
    });
  });
});
