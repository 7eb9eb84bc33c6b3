import { Subjects, type ApiKeyUserView, type CreateKeyResult, type CreateWorkspaceResult, type KeyView, type RoleView, type VerifyAnswer, type WorkspaceView } from '@keyward/contracts';
import { countEvents } from './support/event-log';
import { KeywardStack } from './support/keyward-stack';
import { leakedSecrets } from './support/secrets';

jest.setTimeout(120_000);

/** Verifies go through the queue group: this many per check exercises both verifier processes. */
const VERIFIES_PER_CHECK = 12;

/**
 * Roles, restricted keys, shares, plans and escalation, end to end with two verifier processes:
 * every change must hold in both before the call that made it returns.
 */
describe('who may do what, with two verifier processes', () => {
  let stack: KeywardStack;
  const issued: string[] = [];

  const create = async (body: Record<string, unknown>, token: string = stack.rootKey): Promise<CreateKeyResult> => {
    const res = await stack.api<CreateKeyResult>('POST', '/v1/keys', body, token);
    if (res.status !== 201) throw new Error(`creating a key answered ${res.status}: ${JSON.stringify(res.body)}`);
    issued.push(res.body.key);
    return res.body;
  };
  const createRole = async (permissions: string[], token: string = stack.rootKey): Promise<RoleView> => {
    const res = await stack.api<RoleView>('POST', '/v1/roles', { name: `role ${permissions.join(' ')}`, permissions }, token);
    if (res.status !== 201) throw new Error(`creating a role answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** The codes every verifier answers right now, for `key` and `require`. */
  const codes = async (key: string, require?: string | string[]): Promise<Set<VerifyAnswer['code']>> =>
    new Set((await Promise.all(Array.from({ length: VERIFIES_PER_CHECK }, () => stack.verify(key, require)))).map((a) => a.code));

  beforeAll(async () => {
    stack = await KeywardStack.start({ verifiers: 2 });
    issued.push(stack.rootKey);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('escalation: a key with api_keys:write but only calls:read', () => {
    let manager: CreateKeyResult;
    let callsReader: CreateKeyResult;
    let callsWriterRole: RoleView;

    beforeAll(async () => {
      manager = await create({ name: 'key manager', permissions: { api_keys: 'write', calls: 'read' } });
      callsReader = await create({ name: 'calls reader', permissions: { calls: 'read' } });
      callsWriterRole = await createRole(['calls:write']);
    });

    it.each<[string, () => [string, string, unknown]]>([
      ['create a key with calls:write', () => ['POST', '/v1/keys', { name: 'x', permissions: { calls: 'write' } }]],
      ['create a key with *', () => ['POST', '/v1/keys', { name: 'x', permissions: { '*': 'read' } }]],
      ['create an unrestricted key', () => ['POST', '/v1/keys', { name: 'x', unrestricted: true }]],
      ['create a key with the admin role', () => ['POST', '/v1/keys', { name: 'x', roles: ['admin'] }]],
      ['create a key with the read-only role (all of *:read)', () => ['POST', '/v1/keys', { name: 'x', roles: ['read-only'] }]],
      ['create a key with a custom role holding calls:write', () => ['POST', '/v1/keys', { name: 'x', roles: [callsWriterRole.id] }]],
      ['raise a key to calls:write', () => ['PUT', `/v1/keys/${callsReader.id}/permissions`, { permissions: { calls: 'write' } }]],
      ['make a key unrestricted', () => ['PUT', `/v1/keys/${callsReader.id}/permissions`, { permissions: {}, unrestricted: true }]],
      ['give a key the admin role', () => ['PUT', `/v1/keys/${callsReader.id}/roles`, { roles: ['admin'] }]],
      ['give a key a role holding calls:write', () => ['PUT', `/v1/keys/${callsReader.id}/roles`, { roles: [callsWriterRole.id] }]],
      ['share a call for writing', () => ['POST', `/v1/keys/${callsReader.id}/shares`, { resource: 'calls', resourceId: 'call_1', access: 'write' }]],
      ['raise its own key to *', () => ['PUT', `/v1/keys/${manager.id}/permissions`, { permissions: { '*': 'write' } }]],
    ])('refuses to %s with 403, appending nothing', async (_, attempt) => {
      const [method, route, body] = attempt();
      const before = await countEvents(stack.database.url);
      const res = await stack.api<{ code: string; message: string }>(method, route, body, manager.key);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect(await countEvents(stack.database.url)).toBe(before);
    });

    it('refuses to rotate, revoke-and-replace or otherwise take over a key holding more than the caller', async () => {
      const admin = await create({ name: 'admin', unrestricted: true });
      const before = await countEvents(stack.database.url);
      const rotated = await stack.api('POST', `/v1/keys/${admin.id}/rotate`, {}, manager.key);
      expect(rotated.status).toBe(403);
      expect(await countEvents(stack.database.url)).toBe(before);
    });

    it('lets it create and edit keys within what it holds', async () => {
      const made = await create({ name: 'within', permissions: { calls: 'read' } }, manager.key);
      expect((await codes(made.key, 'calls:read'))).toEqual(new Set(['VALID']));
      const narrowed = await stack.api<KeyView>('PUT', `/v1/keys/${made.id}/permissions`, { permissions: { calls: 'none' } }, manager.key);
      expect(narrowed.status).toBe(200);
      expect(await codes(made.key, 'calls:read')).toEqual(new Set(['INSUFFICIENT_PERMISSIONS']));
    });

    it('a key with roles:write cannot make a role holding more than it holds', async () => {
      const roleManager = await create({ name: 'role manager', permissions: { roles: 'write', calls: 'read' } });
      const before = await countEvents(stack.database.url);
      const made = await stack.api('POST', '/v1/roles', { name: 'too much', permissions: ['calls:write'] }, roleManager.key);
      expect(made.status).toBe(403);
      const edited = await stack.api('PATCH', `/v1/roles/${callsWriterRole.id}`, { permissions: ['*:write'] }, roleManager.key);
      expect(edited.status).toBe(403);
      expect(await countEvents(stack.database.url)).toBe(before);
    });
  });

  describe('roles', () => {
    it('a role edit changes every key holding it on the very next verify, in both verifiers', async () => {
      const role = await createRole(['calls:read']);
      const holders = await Promise.all([create({ name: 'holder 1', roles: [role.id] }), create({ name: 'holder 2', roles: [role.id, 'read-only'] })]);
      for (let round = 0; round < 5; round++) {
        const writes = round % 2 === 0;
        const edited = await stack.api<RoleView>('PATCH', `/v1/roles/${role.id}`, { permissions: [writes ? 'calls:write' : 'calls:read'] });
        expect(edited.status).toBe(200);
        expect(edited.body.permissions).toEqual([writes ? 'calls:write' : 'calls:read']);
        for (const holder of holders) expect(await codes(holder.key, 'calls:write')).toEqual(new Set([writes ? 'VALID' : 'INSUFFICIENT_PERMISSIONS']));
      }
    });

    it('the answer lists the effective roles and permissions; a deleted role is gone from both at once', async () => {
      const role = await createRole(['contacts:write']);
      const key = await create({ name: 'two roles', roles: [role.id, 'read-only'], permissions: { calls: 'write' } });
      const answer = await stack.verify(key.key, ['contacts:write', 'calls:write', 'workflows:read']);
      expect(answer).toMatchObject({ code: 'VALID', keyId: key.id });
      expect([...(answer.roles ?? [])].sort()).toEqual([role.id, 'read-only'].sort());
      expect([...(answer.permissions ?? [])].sort()).toEqual(['*:read', 'calls:write', 'contacts:write'].sort());
      expect((await stack.api('DELETE', `/v1/roles/${role.id}`)).status).toBe(204);
      expect(await codes(key.key, 'contacts:write')).toEqual(new Set(['INSUFFICIENT_PERMISSIONS']));
      const after = await stack.verify(key.key);
      expect(after.roles).toEqual(['read-only']);
      expect((await stack.api('GET', `/v1/roles/${role.id}`)).status).toBe(404);
    });

    it('built-in roles cannot be edited or deleted', async () => {
      expect((await stack.api<{ code: string }>('PATCH', '/v1/roles/admin', { permissions: ['calls:read'] })).status).toBe(409);
      expect((await stack.api('DELETE', '/v1/roles/read-only')).status).toBe(409);
      const roles = await stack.api<{ items: RoleView[] }>('GET', '/v1/roles');
      expect(roles.body.items.filter((r) => r.builtIn).map((r) => r.id)).toEqual(['admin', 'read-only']);
    });
  });

  describe('restricted keys, shares and require', () => {
    it('require holds only when every listed permission does; the table says restricted or not', async () => {
      const key = await create({ name: 'restricted', permissions: { calls: 'write', contacts: 'read' } });
      expect(await codes(key.key, 'calls:read')).toEqual(new Set(['VALID']));
      expect(await codes(key.key, ['calls:write', 'contacts:read'])).toEqual(new Set(['VALID']));
      expect(await codes(key.key, ['calls:write', 'contacts:write'])).toEqual(new Set(['INSUFFICIENT_PERMISSIONS']));
      // The client kit refuses a bad requirement itself; the verifier must too, for other clients.
      const raw = await stack.nats.request('keyward.v1.verify', JSON.stringify({ key: key.key, require: 'not a permission' }), { timeout: 2_000 });
      expect(JSON.parse(raw.string())).toEqual({ valid: false, code: 'MALFORMED' });
      // A permission query, as every verifier reads it (product.md 9.2a).
      expect(await codes(key.key, '(contacts:write OR calls:write) AND contacts:read')).toEqual(new Set(['VALID']));
      expect(await codes(key.key, 'contacts:write OR billing:read AND calls:read')).toEqual(new Set(['INSUFFICIENT_PERMISSIONS']));
      for (const require of ['calls:read AND', 'calls:read or contacts:read', ['calls:read', 'calls:read OR contacts:read']]) {
        const bad = await stack.nats.request('keyward.v1.verify', JSON.stringify({ key: key.key, require }), { timeout: 2_000 });
        expect(JSON.parse(bad.string())).toEqual({ valid: false, code: 'MALFORMED' });
      }
      const unrestricted = await create({ name: 'unrestricted', unrestricted: true });
      const page = await stack.api<{ items: KeyView[] }>('GET', '/v1/keys?limit=100');
      const row = (id: string): KeyView | undefined => page.body.items.find((k) => k.id === id);
      expect(row(key.id)).toMatchObject({ restricted: true });
      expect(row(unrestricted.id)).toMatchObject({ restricted: false });
    });

    it('a shared instance is visible to the key, its siblings are not, and unsharing takes it back', async () => {
      // Without roles or permissions a key would be unrestricted (like an admin key); this one holds nothing but the share.
      const key = await create({ name: 'one workflow', unrestricted: false });
      const shared = await stack.api<KeyView>('POST', `/v1/keys/${key.id}/shares`, { resource: 'workflows', resourceId: 'wf_42', access: 'read' });
      expect(shared.status).toBe(200);
      expect(shared.body.shares).toEqual([{ resource: 'workflows', resourceId: 'wf_42', access: 'read' }]);
      expect(await codes(key.key, 'workflows/wf_42:read')).toEqual(new Set(['VALID']));
      expect(await codes(key.key, 'workflows/wf_43:read')).toEqual(new Set(['INSUFFICIENT_PERMISSIONS']));
      expect(await codes(key.key, 'workflows:read')).toEqual(new Set(['INSUFFICIENT_PERMISSIONS']));
      expect((await stack.api('DELETE', `/v1/keys/${key.id}/shares/workflows/wf_42`)).status).toBe(200);
      expect(await codes(key.key, 'workflows/wf_42:read')).toEqual(new Set(['INSUFFICIENT_PERMISSIONS']));
      const again = await stack.api<{ code: string }>('DELETE', `/v1/keys/${key.id}/shares/workflows/wf_42`);
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 404, code: 'SHARE_NOT_FOUND' });
    });

    it('API key users: one principal per key, with roles and shares, in no group, never a human seat', async () => {
      const key = await create({ name: 'principal', roles: ['read-only'] });
      await stack.api('POST', `/v1/keys/${key.id}/shares`, { resource: 'files', resourceId: 'f_1', access: 'write' });
      const users = await stack.api<{ items: ApiKeyUserView[] }>('GET', '/v1/api-key-users?limit=100');
      expect(users.status).toBe(200);
      expect(users.body.items.find((u) => u.keyId === key.id)).toMatchObject({
        type: 'api_key',
        name: 'principal',
        roles: ['read-only'],
        shares: [{ resource: 'files', resourceId: 'f_1', access: 'write' }],
        groups: [],
        humanSeat: false,
      });
    });
  });

  describe('delete', () => {
    it('DELETE revokes at once, removes the key from the table and keeps its history', async () => {
      const key = await create({ name: 'to delete', unrestricted: true });
      const before = await countEvents(stack.database.url);
      expect((await stack.api('DELETE', `/v1/keys/${key.id}`)).status).toBe(204);
      expect(await codes(key.key)).toEqual(new Set(['REVOKED']));
      expect((await stack.api('GET', `/v1/keys/${key.id}`)).status).toBe(404);
      expect(await countEvents(stack.database.url)).toBe(before + 1);
      expect((await stack.api('DELETE', `/v1/keys/${key.id}`)).status).toBe(404);
    });
  });

  describe('plans and settings', () => {
    let workspace: CreateWorkspaceResult;

    const newWorkspace = async (name: string): Promise<CreateWorkspaceResult> => {
      const res = await stack.api<CreateWorkspaceResult>('POST', '/v1/workspaces', { name });
      expect(res.status).toBe(201);
      issued.push(res.body.adminKey);
      return res.body;
    };

    // Each test sets the plan it starts from, so none depends on what an earlier one left.
    beforeAll(async () => {
      workspace = await newWorkspace('tenant');
    });

    const setPlan = async (plan: string, id = workspace.id): Promise<void> => {
      expect((await stack.api('PATCH', `/v1/workspaces/${id}`, { plan })).status).toBe(200);
    };

    it('a new workspace starts on free: verify PLAN_UPGRADE_REQUIRED, key creation 402; an upgrade takes effect at once', async () => {
      const fresh = await newWorkspace('tenant on free');
      expect(await codes(fresh.adminKey)).toEqual(new Set(['PLAN_UPGRADE_REQUIRED']));
      const refused = await stack.api<{ code: string }>('POST', '/v1/keys', { name: 'x', unrestricted: true }, fresh.adminKey);
      expect(refused.status).toBe(402);
      await setPlan('pro', fresh.id);
      expect(await codes(fresh.adminKey)).toEqual(new Set(['VALID']));
      const own = await stack.api<WorkspaceView>('GET', '/v1/workspace', undefined, fresh.adminKey);
      expect(own.body).toMatchObject({ id: fresh.id, plan: 'pro', entitlements: { apiAccess: true, restrictedKeys: true, customRoles: false, shares: false } });
    });

    it('pro has restricted keys but refuses custom roles and shares with 402; enterprise has them', async () => {
      await setPlan('pro');
      const restricted = await create({ name: 'restricted on pro', permissions: { calls: 'read' } }, workspace.adminKey);
      expect(await codes(restricted.key, 'calls:read')).toEqual(new Set(['VALID']));
      const role = await stack.api<{ code: string }>('POST', '/v1/roles', { name: 'custom', permissions: ['calls:read'] }, workspace.adminKey);
      expect({ status: role.status, code: role.body.code }).toEqual({ status: 402, code: 'PLAN_UPGRADE_REQUIRED' });
      const share = await stack.api<{ code: string }>('POST', `/v1/keys/${restricted.id}/shares`, { resource: 'calls', resourceId: 'c1', access: 'read' }, workspace.adminKey);
      expect({ status: share.status, code: share.body.code }).toEqual({ status: 402, code: 'PLAN_UPGRADE_REQUIRED' });
      await setPlan('enterprise');
      expect((await stack.api('POST', '/v1/roles', { name: 'custom', permissions: ['calls:read'] }, workspace.adminKey)).status).toBe(201);
    });

    it('only the root key changes a plan', async () => {
      await setPlan('pro');
      const res = await stack.api<{ code: string }>('PATCH', '/v1/workspace', { plan: 'enterprise' }, workspace.adminKey);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    });

    it('keyPermissionsImmutable: role and permission edits are a 409 that says to delete and recreate', async () => {
      // Its own workspace: the setting it turns on would change what the other tests' edits answer.
      const frozen = await newWorkspace('frozen tenant');
      await setPlan('enterprise', frozen.id);
      const key = await create({ name: 'frozen', permissions: { calls: 'read' } }, frozen.adminKey);
      const set = await stack.api<WorkspaceView>('PATCH', '/v1/workspace', { settings: { keyPermissionsImmutable: true } }, frozen.adminKey);
      expect(set.status).toBe(200);
      expect(set.body.settings.keyPermissionsImmutable).toBe(true);
      for (const [route, body] of [
        [`/v1/keys/${key.id}/permissions`, { permissions: { calls: 'none' } }],
        [`/v1/keys/${key.id}/roles`, { roles: ['read-only'] }],
      ] as const) {
        const res = await stack.api<{ code: string; message: string }>('PUT', route, body, frozen.adminKey);
        expect(res.status).toBe(409);
        expect(res.body.message).toMatch(/delete/i);
      }
      expect((await stack.api('DELETE', `/v1/keys/${key.id}`, undefined, frozen.adminKey)).status).toBe(204);
    });

    it('a downgrade to free takes effect on the very next verify of every key', async () => {
      await setPlan('pro');
      expect(await codes(workspace.adminKey)).toEqual(new Set(['VALID']));
      await setPlan('free');
      expect(await codes(workspace.adminKey)).toEqual(new Set(['PLAN_UPGRADE_REQUIRED']));
      await setPlan('pro');
      expect(await codes(workspace.adminKey)).toEqual(new Set(['VALID']));
    });
  });

  it('garbage on the command and notice subjects ends no service', async () => {
    for (const subject of [Subjects.keyCommand.create, Subjects.roleCommand.update, Subjects.workspaceCommand.update]) {
      await stack.nats.request(subject, 'not json{', { timeout: 2_000 });
    }
    stack.nats.publish(Subjects.eventsAppended, 'not json{');
    await stack.nats.flush();
    const key = await create({ name: 'after garbage', permissions: { calls: 'read' } });
    expect(await codes(key.key, 'calls:read')).toEqual(new Set(['VALID']));
    expect(stack.running('key-command')).toHaveLength(1);
    expect(stack.running('projector')).toHaveLength(1);
    expect(stack.running('verifier')).toHaveLength(2);
  });

  it('no secret reached any log line', () => {
    expect(leakedSecrets(stack.logs, issued)).toEqual([]);
  });
});
