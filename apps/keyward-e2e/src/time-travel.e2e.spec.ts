import type { CreateKeyResult, CreateWorkspaceResult, ErrorBody, KeyAccessView, RoleView, VerifyAnswer } from '@keyward/contracts';
import { KeywardStack } from './support/keyward-stack';

jest.setTimeout(120_000);

/** A live verify's answer, and the moment just after it (before the next write). */
interface Moment {
  readonly label: string;
  readonly require: string;
  readonly answer: VerifyAnswer;
  readonly at: string;
}

/** Longer than the clock's resolution: the next write's event is stamped after the moment. */
const pause = (): Promise<void> => new Promise((r) => setTimeout(r, 30));

/**
 * Issue 10: a scripted history (created, role edited, plan changed, restricted, revoked) with a
 * live verify after each step; then `GET /v1/keys/:id/access?asOf=` at each of those moments
 * must answer what verify answered then, folded from the history alone.
 */
describe('time travel: access?asOf= answers what verify answered then', () => {
  let stack: KeywardStack;
  let workspace: CreateWorkspaceResult;
  let key: CreateKeyResult;
  let beforeCreation: string;
  const moments: Moment[] = [];

  const asAdmin = <T>(method: string, route: string, body?: unknown) => stack.api<T>(method, route, body, workspace.adminKey);
  const write = async (method: string, route: string, body?: unknown, token = workspace.adminKey): Promise<void> => {
    const res = await stack.api(method, route, body, token);
    if (res.status >= 300) throw new Error(`${method} ${route} answered ${res.status}: ${JSON.stringify(res.body)}`);
  };
  const record = async (label: string, require: string): Promise<void> => {
    const answer = await stack.verify(key.key, require);
    await pause();
    moments.push({ label, require, answer, at: new Date().toISOString() });
    await pause();
  };
  const access = (asOf: string | undefined, require?: string, keyId = key.id, token = workspace.adminKey) => {
    const query = new URLSearchParams({ ...(asOf === undefined ? {} : { asOf }), ...(require === undefined ? {} : { require }) });
    return stack.api<KeyAccessView & ErrorBody>('GET', `/v1/keys/${keyId}/access?${query}`, undefined, token);
  };

  beforeAll(async () => {
    stack = await KeywardStack.start();
    workspace = (await stack.api<CreateWorkspaceResult>('POST', '/v1/workspaces', { name: 'time travellers', plan: 'enterprise' })).body;
    const role = (await asAdmin<RoleView>('POST', '/v1/roles', { name: 'calls', permissions: ['calls:read'] })).body;
    beforeCreation = new Date().toISOString();
    await pause();
    key = (await asAdmin<CreateKeyResult>('POST', '/v1/keys', { name: 'travelling', roles: [role.id] })).body;
    await record('created: the role reads calls only', 'calls:write');
    await write('PATCH', `/v1/roles/${role.id}`, { permissions: ['calls:read', 'calls:write'] });
    await record('the role edited to write calls', 'calls:write');
    await write('PATCH', `/v1/workspaces/${workspace.id}`, { plan: 'pro' }, stack.rootKey);
    await record('the plan changed to pro: custom roles grant nothing', 'calls:read');
    await write('PATCH', `/v1/workspaces/${workspace.id}`, { plan: 'free' }, stack.rootKey);
    await record('the plan changed to free: no API access', 'calls:read');
    await write('PATCH', `/v1/workspaces/${workspace.id}`, { plan: 'enterprise' }, stack.rootKey);
    await write('PUT', `/v1/keys/${key.id}/roles`, { roles: [] });
    await write('PUT', `/v1/keys/${key.id}/permissions`, { permissions: { calls: 'read' } });
    await record('restored, then restricted to reading calls', 'calls:write');
    await write('POST', `/v1/keys/${key.id}/revoke`);
    await record('revoked', 'calls:read');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('the script saw every answer it meant to', () => {
    expect(moments.map((m) => m.answer.code)).toEqual(['INSUFFICIENT_PERMISSIONS', 'VALID', 'INSUFFICIENT_PERMISSIONS', 'PLAN_UPGRADE_REQUIRED', 'INSUFFICIENT_PERMISSIONS', 'REVOKED']);
  });

  it('at each moment, the code verify answered, and the permissions it listed', async () => {
    for (const moment of moments) {
      const then = await access(moment.at, moment.require);
      expect({ label: moment.label, status: then.status, code: then.body.code }).toEqual({ label: moment.label, status: 200, code: moment.answer.code });
      expect(then.body).toMatchObject({ keyId: key.id, workspaceId: workspace.id, asOf: new Date(moment.at).toISOString(), require: [moment.require], valid: moment.answer.valid });
      if (moment.answer.permissions) {
        expect({ label: moment.label, permissions: [...then.body.permissions].sort() }).toEqual({ label: moment.label, permissions: [...moment.answer.permissions].sort() });
        expect({ label: moment.label, roles: [...then.body.roles].sort() }).toEqual({ label: moment.label, roles: [...(moment.answer.roles ?? [])].sort() });
      }
    }
  });

  it('shows the plan and the role as they were then', async () => {
    const [created, edited, pro] = moments;
    expect((await access(created.at)).body).toMatchObject({ plan: 'enterprise', permissions: ['calls:read'], status: 'active' });
    expect((await access(edited.at)).body).toMatchObject({ plan: 'enterprise', permissions: ['calls:read', 'calls:write'] });
    expect((await access(pro.at)).body).toMatchObject({ plan: 'pro', entitlements: { customRoles: false }, roles: [], permissions: [] });
  });

  it('without asOf: now, the key revoked', async () => {
    expect((await access(undefined)).body).toMatchObject({ status: 'revoked', code: 'REVOKED', require: [] });
  });

  it('before the key existed, or from another workspace: 404 KEY_NOT_FOUND', async () => {
    expect((await access(beforeCreation)).body).toMatchObject({ statusCode: 404, code: 'KEY_NOT_FOUND' });
    const other = (await stack.api<CreateWorkspaceResult>('POST', '/v1/workspaces', { name: 'elsewhere', plan: 'enterprise' })).body;
    expect((await access(moments[1].at, undefined, key.id, other.adminKey)).body).toMatchObject({ statusCode: 404, code: 'KEY_NOT_FOUND' });
  });

  it('a bad asOf, require or ip is 400 VALIDATION_FAILED naming the field', async () => {
    expect((await access('yesterday')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'asOf' }] });
    expect((await access(moments[0].at, 'calls')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'require' }] });
    const badIp = await stack.api<ErrorBody>('GET', `/v1/keys/${key.id}/access?ip=not-an-address`, undefined, workspace.adminKey);
    expect(badIp.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'ip' }] });
  });

  it('several permissions: the parameter repeated', async () => {
    const edited = moments[1];
    const both = await stack.api<KeyAccessView>('GET', `/v1/keys/${key.id}/access?asOf=${encodeURIComponent(edited.at)}&require=calls:read&require=calls:write`, undefined, workspace.adminKey);
    expect(both.body).toMatchObject({ require: ['calls:read', 'calls:write'], code: 'VALID' });
  });

  it('a permission query, as a verify reads it; a bad one is 400 naming require', async () => {
    const [created, edited] = moments;
    const query = '(calls:write OR billing:read) AND calls:read';
    expect((await access(created.at, query)).body).toMatchObject({ require: [query], code: 'INSUFFICIENT_PERMISSIONS' });
    expect((await access(edited.at, query)).body).toMatchObject({ require: [query], code: 'VALID' });
    for (const bad of ['calls:read AND', 'calls:read or calls:write', `${'('.repeat(9)}calls:read${')'.repeat(9)}`]) {
      expect((await access(edited.at, bad)).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'require' }] });
    }
  });
});
