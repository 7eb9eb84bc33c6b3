import { randomBytes } from 'node:crypto';
import type { AuditEventPage, CreateKeyResult, CreateWorkspaceResult, CredentialView, RoleView } from '@keyward/contracts';
import { KeywardStack, type ApiResponse } from './support/keyward-stack';
import { dumpDatabase, leakedSecrets } from './support/secrets';

jest.setTimeout(120_000);

/** Every value sent, for the scan. */
const values: string[] = [];

/** A distinctive value: the scan looks for it whole and for its middle, which no last four reaches. */
const issue = (): string => {
  const value = `sk_live_vault${randomBytes(24).toString('hex')}`;
  values.push(value);
  return value;
};

describe('the credential vault API, services as separate processes', () => {
  let stack: KeywardStack;
  const answers: string[] = [];

  /** Every answer is kept for the scan. */
  const api = async <T = Record<string, unknown>>(method: string, route: string, body?: unknown, token?: string | null): Promise<ApiResponse<T>> => {
    const res = await stack.api<T>(method, route, body, token === undefined ? stack.rootKey : token);
    answers.push(JSON.stringify(res.body ?? null));
    return res;
  };
  const store = async (over: Record<string, unknown> = {}, token?: string): Promise<{ credential: CredentialView; value: string }> => {
    const value = issue();
    const res = await api<CredentialView>('POST', '/v1/credentials', { service: 'stripe', name: 'billing', value, location: 'header', parameterName: 'X-API-Key', allowedHosts: ['api.stripe.com'], ...over }, token);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return { credential: res.body, value };
  };
  /** The credential's row of the data key table, as the vault keeps it (outside the history). */
  const dataKeyOf = async (credentialId: string): Promise<{ wrapped: boolean; destroyed: boolean } | undefined> => {
    const rows = await stack.sql<{ wrapped: boolean; destroyed: boolean }>(
      `SELECT wrapped_key IS NOT NULL AS wrapped, destroyed_at IS NOT NULL AS destroyed FROM credential_data_keys WHERE credential_id = $1`,
      [credentialId],
    );
    return rows[0];
  };

  beforeAll(async () => {
    stack = await KeywardStack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('stores, shows (never the value), lists by service, edits, rotates and deletes a credential', async () => {
    const { credential, value } = await store({ service: 'stripe', allowedHosts: ['API.Stripe.com', 'bücher.example'] });
    expect(credential).toEqual({
      id: expect.stringMatching(/^cred_[0-9A-Za-z]{24}$/),
      workspaceId: 'default',
      service: 'stripe',
      name: 'billing',
      location: 'header',
      parameterName: 'X-API-Key',
      allowedHosts: ['api.stripe.com', 'xn--bcher-kva.example'],
      sharedWith: { keys: [], roles: [] },
      owner: 'root',
      lastFour: value.slice(-4),
      createdAt: expect.any(String),
      rotatedAt: null,
      updatedAt: credential.createdAt,
    });
    const { credential: github } = await store({ service: 'github', location: 'bearer', parameterName: undefined });
    expect(github.parameterName).toBe('Authorization');

    expect((await api<CredentialView>('GET', `/v1/credentials/${credential.id}`)).body).toEqual(credential);
    const listed = (await api<{ items: CredentialView[] }>('GET', '/v1/credentials?service=github')).body.items.map((c) => c.id);
    expect(listed).toContain(github.id);
    expect(listed).not.toContain(credential.id);

    const patched = await api<CredentialView>('PATCH', `/v1/credentials/${credential.id}`, { name: 'payments', location: 'query', parameterName: 'api_key', allowedHosts: ['files.stripe.com'] });
    expect(patched.body).toMatchObject({ name: 'payments', location: 'query', parameterName: 'api_key', allowedHosts: ['files.stripe.com'], service: 'stripe' });

    const next = issue();
    const rotated = await api<CredentialView>('PUT', `/v1/credentials/${credential.id}/value`, { value: next });
    expect(rotated.body).toMatchObject({ lastFour: next.slice(-4), rotatedAt: expect.any(String) });
    expect((await api<CredentialView>('GET', `/v1/credentials/${credential.id}`)).body).toEqual(rotated.body);

    expect((await api('DELETE', `/v1/credentials/${credential.id}`)).status).toBe(204);
    expect((await api('GET', `/v1/credentials/${credential.id}`)).body).toMatchObject({ statusCode: 404, code: 'CREDENTIAL_NOT_FOUND' });
    for (const [method, route, body] of [
      ['PATCH', '', { name: 'x' }],
      ['PUT', '/value', { value: issue() }],
      ['PUT', '/sharing', { keys: [], roles: [] }],
      ['DELETE', '', undefined],
    ] as const) {
      expect((await api(method, `/v1/credentials/${credential.id}${route}`, body)).body).toMatchObject({ statusCode: 404, code: 'CREDENTIAL_NOT_FOUND' });
    }
    expect(value).not.toBe(next);
  });

  it('refuses bad input field by field (400), before anything is sealed or sent', async () => {
    const good = { service: 's', name: 'n', value: issue(), location: 'header', parameterName: 'X-Key', allowedHosts: ['a.example'] };
    for (const [over, field] of [
      [{ value: '' }, 'value'],
      [{ value: 'a\nb' }, 'value'],
      [{ location: 'cookie' }, 'location'],
      [{ allowedHosts: [] }, 'allowedHosts'],
      [{ allowedHosts: ['https://a.example/x'] }, 'allowedHosts'],
      [{ allowedHosts: ['*.a.example'] }, 'allowedHosts'],
      [{ parameterName: undefined }, 'parameterName'],
      [{ location: 'bearer', parameterName: 'X-Key' }, 'parameterName'],
      [{ parameterName: 'Host' }, 'parameterName'],
      [{ sharedWith: { keys: ['key_nope'], roles: [] } }, 'sharedWith.keys[0]'],
    ] as const) {
      const res = await api<{ code: string; details: { field: string }[] }>('POST', '/v1/credentials', { ...good, ...over });
      expect({ over, status: res.status, code: res.body.code, fields: res.body.details?.map((d) => d.field) }).toEqual({ over, status: 400, code: 'VALIDATION_FAILED', fields: [field] });
    }
    expect((await api('GET', '/v1/credentials/cred_x')).body).toMatchObject({ statusCode: 404, code: 'CREDENTIAL_NOT_FOUND' });
  });

  it('keeps a value no HTTP header can carry (above U+00FF) out of headers: refused when stored, rotated or moved there', async () => {
    const wide = `${issue()}_ключ`;
    values.push(wide);
    const fieldsOf = (res: ApiResponse<{ code?: string; details?: { field: string }[] }>) => ({ status: res.status, code: res.body.code, fields: res.body.details?.map((d) => d.field) });
    const refused = { status: 400, code: 'VALIDATION_FAILED' };
    expect(fieldsOf(await api('POST', '/v1/credentials', { service: 's', name: 'n', value: wide, location: 'bearer', allowedHosts: ['a.example'] }))).toEqual({ ...refused, fields: ['value'] });
    const { credential: header } = await store();
    expect(fieldsOf(await api('PUT', `/v1/credentials/${header.id}/value`, { value: wide }))).toEqual({ ...refused, fields: ['value'] });
    const { credential: query } = await store({ location: 'query', parameterName: 'key', value: wide });
    expect(fieldsOf(await api('PATCH', `/v1/credentials/${query.id}`, { location: 'header', parameterName: 'X-Key' }))).toEqual({ ...refused, fields: ['location'] });
    expect((await api<CredentialView>('GET', `/v1/credentials/${query.id}`)).body.location).toBe('query');
  });

  it('shares with keys and roles of the workspace (enterprise), and back to personal', async () => {
    const { credential } = await store();
    const key = (await api<CreateKeyResult>('POST', '/v1/keys', { name: 'credential user', permissions: { credentials: 'read' } })).body;
    const role = (await api<RoleView>('POST', '/v1/roles', { name: 'vault users', permissions: ['credentials:read'] })).body;
    const shared = await api<CredentialView>('PUT', `/v1/credentials/${credential.id}/sharing`, { keys: [key.id], roles: [role.id, 'read-only'] });
    expect(shared.body.sharedWith).toEqual({ keys: [key.id], roles: [role.id, 'read-only'] });
    expect((await api<CredentialView>('GET', `/v1/credentials/${credential.id}`)).body.sharedWith).toEqual(shared.body.sharedWith);
    const personal = await api<CredentialView>('PUT', `/v1/credentials/${credential.id}/sharing`, { keys: [], roles: [] });
    expect(personal.body.sharedWith).toEqual({ keys: [], roles: [] });
    // The key that may only read sees the credential, and may not manage it.
    expect((await api('GET', `/v1/credentials/${credential.id}`, undefined, key.key)).status).toBe(200);
    expect((await api('PATCH', `/v1/credentials/${credential.id}`, { name: 'mine' }, key.key)).status).toBe(403);
    const owned = await store({ name: 'stored by a key' }, (await api<CreateKeyResult>('POST', '/v1/keys', { name: 'vault writer', permissions: { credentials: 'write' } })).body.key);
    expect(owned.credential.owner).toMatch(/^key_/);
  });

  it("keeps where the value goes and who uses it the owner's: another key with credentials:write may rename, rotate and delete, not reshare nor re-host (403)", async () => {
    const { credential } = await store();
    const writer = (await api<CreateKeyResult>('POST', '/v1/keys', { name: 'another vault writer', permissions: { credentials: 'write' } })).body;
    for (const [method, route, body] of [
      ['PUT', '/sharing', { keys: [writer.id], roles: [] }],
      ['PATCH', '', { allowedHosts: ['evil.example'] }],
      ['PATCH', '', { location: 'query', parameterName: 'api_key' }],
      ['PATCH', '', { parameterName: 'X-Other-Key' }],
    ] as const) {
      const res = await api<{ code: string }>(method, `/v1/credentials/${credential.id}${route}`, body, writer.key);
      expect({ method, route, status: res.status, code: res.body.code }).toEqual({ method, route, status: 403, code: 'FORBIDDEN' });
    }
    expect((await api<CredentialView>('GET', `/v1/credentials/${credential.id}`)).body).toMatchObject({ allowedHosts: ['api.stripe.com'], sharedWith: { keys: [], roles: [] }, location: 'header' });
    expect((await api<CredentialView>('PATCH', `/v1/credentials/${credential.id}`, { name: 'renamed by a writer', allowedHosts: ['api.stripe.com'] }, writer.key)).body.name).toBe('renamed by a writer');
    expect((await api('PUT', `/v1/credentials/${credential.id}/value`, { value: issue() }, writer.key)).status).toBe(200);
    expect((await api('DELETE', `/v1/credentials/${credential.id}`, undefined, writer.key)).status).toBe(204);
  });

  it('needs the enterprise plan to share (402 on pro), not to store a personal credential', async () => {
    const pro = (await api<CreateWorkspaceResult>('POST', '/v1/workspaces', { name: 'pro tenant', plan: 'pro' })).body;
    const { credential } = await store({}, pro.adminKey);
    const share = await api('PUT', `/v1/credentials/${credential.id}/sharing`, { keys: [], roles: ['read-only'] }, pro.adminKey);
    expect({ status: share.status, code: share.body.code }).toEqual({ status: 402, code: 'PLAN_UPGRADE_REQUIRED' });
    const sharedAtOnce = await api('POST', '/v1/credentials', { service: 's', name: 'n', value: issue(), location: 'bearer', allowedHosts: ['a.example'], sharedWith: { keys: [], roles: ['read-only'] } }, pro.adminKey);
    expect({ status: sharedAtOnce.status, code: sharedAtOnce.body.code }).toEqual({ status: 402, code: 'PLAN_UPGRADE_REQUIRED' });
    expect((await api('PUT', `/v1/credentials/${credential.id}/sharing`, { keys: [], roles: [] }, pro.adminKey)).status).toBe(200);
  });

  it('keeps workspaces apart: another workspace’s credentials are unknown to it, and absent from its list', async () => {
    const { credential } = await store({ service: 'isolated' });
    const other = (await api<CreateWorkspaceResult>('POST', '/v1/workspaces', { name: 'other tenant', plan: 'enterprise' })).body;
    const { credential: theirs } = await store({ service: 'isolated' }, other.adminKey);
    const listed = async (token: string) => (await api<{ items: CredentialView[] }>('GET', '/v1/credentials?service=isolated', undefined, token)).body.items.map((c) => c.id);
    expect(await listed(other.adminKey)).toEqual([theirs.id]);
    expect(await listed(stack.rootKey)).toEqual([credential.id]);
    for (const [method, route, body] of [
      ['GET', '', undefined],
      ['PATCH', '', { name: 'stolen' }],
      ['PUT', '/value', { value: issue() }],
      ['PUT', '/sharing', { keys: [], roles: ['read-only'] }],
      ['DELETE', '', undefined],
    ] as const) {
      const res = await api(method, `/v1/credentials/${credential.id}${route}`, body, other.adminKey);
      expect({ method, route, status: res.status, code: res.body.code }).toEqual({ method, route, status: 404, code: 'CREDENTIAL_NOT_FOUND' });
    }
    expect((await api<CredentialView>('GET', `/v1/credentials/${credential.id}`)).body.name).toBe('billing');
  });

  it('crypto-shreds on delete: the data key is destroyed by the time the DELETE answers (the vault then opens no sealed value of it)', async () => {
    const { credential } = await store();
    const next = issue();
    await api('PUT', `/v1/credentials/${credential.id}/value`, { value: next });
    expect(await dataKeyOf(credential.id)).toEqual({ wrapped: true, destroyed: false });
    expect((await api('DELETE', `/v1/credentials/${credential.id}`)).status).toBe(204);
    expect(await dataKeyOf(credential.id)).toEqual({ wrapped: false, destroyed: true });
  });

  it('leaves no data key behind for a store key-command refused', async () => {
    const res = await api<{ code: string }>('POST', '/v1/credentials', { service: 's', name: 'n', value: issue(), location: 'bearer', allowedHosts: ['a.example'], sharedWith: { keys: ['key_000000000000000000000000'], roles: [] } });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const rows = await stack.sql<{ n: string }>(`SELECT count(*)::text AS n FROM credential_data_keys WHERE wrapped_key IS NOT NULL AND credential_id NOT IN (SELECT id FROM credentials)`);
    expect(rows[0]?.n).toBe('0');
  });

  it('no value appears in any table, event, log line or answer; auditors never see a sealed value', async () => {
    const { credential } = await store({ name: 'scanned' });
    const audit = await api<AuditEventPage>('GET', `/v1/audit/events?stream=credential-${credential.id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e) => e.type)).toEqual(['CredentialStored']);
    expect(JSON.stringify(audit.body)).not.toContain('sealedValue');
    const tables = await dumpDatabase(stack.database.url);
    expect(tables).toContain('CredentialStored'); // the scan really covers the event store
    expect(tables).toContain('CredentialValueRotated');
    expect(values.length).toBeGreaterThan(5);
    expect(leakedSecrets(tables, values)).toEqual([]);
    expect(stack.logs.length).toBeGreaterThan(0);
    expect(leakedSecrets(stack.logs, values)).toEqual([]);
    expect(leakedSecrets(answers.join('\n'), values)).toEqual([]);
  });

  // Last: it stops the projector for good.
  it('destroys the data key before DELETE answers even with the projector stopped: the wait for it is bounded, so the gateway destroys the key itself', async () => {
    const { credential } = await store();
    for (const projector of stack.running('projector')) await stack.stopService(projector);
    const res = await api('DELETE', `/v1/credentials/${credential.id}`);
    expect({ status: res.status, consistency: res.headers.get('keyward-consistency') }).toEqual({ status: 204, consistency: 'pending' });
    expect(await dataKeyOf(credential.id)).toEqual({ wrapped: false, destroyed: true });
  });
});
