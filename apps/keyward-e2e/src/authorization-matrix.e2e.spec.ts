import { randomBytes } from 'node:crypto';
import type { CreateKeyResult, CreateWorkspaceResult, CredentialView, IdentityView, RoleView, WebhookView } from '@keyward/contracts';
import { generateKeySecret, holdsAll, parsePermission, type Permission } from '@keyward/domain';
import { KeywardStack } from './support/keyward-stack';
import { leakedSecrets } from './support/secrets';
import { LOCAL_OUTBOUND_ENV, ThirdParty } from './support/third-party';

jest.setTimeout(120_000);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const PRINCIPALS = [
  'no key',
  'malformed',
  'unknown',
  'revoked',
  'expired',
  'read-only',
  'restricted without the resource',
  'restricted with it',
  'other workspace',
  'admin',
  'root',
] as const;
type PrincipalName = (typeof PRINCIPALS)[number];

/** What each principal may do, as the test intends it; the one evaluator of @keyward/domain says whether that covers a route. */
const GRANTS: Partial<Record<PrincipalName, readonly string[]>> = {
  'read-only': ['*:read'],
  'restricted without the resource': ['calls:write'],
  'restricted with it': ['api_keys:write', 'roles:write', 'calls:write'],
  'other workspace': ['*:write'],
  admin: ['*:write'],
  root: ['*:write'],
};

const UNAUTHENTICATED: readonly PrincipalName[] = ['no key', 'malformed', 'unknown', 'revoked', 'expired'];

/** Who may call a route: a permission, the root key only, any valid key, or anyone. */
type Access = { permission: string } | 'root' | 'any key' | 'public';

interface Fixtures {
  readonly stack: KeywardStack;
  /** A custom role of workspace `default` granting calls:read, within every writer's authority. */
  readonly callsRole: string;
  readonly otherWorkspaceId: string;
  /** The broker's third party, on loopback. */
  readonly thirdParty: ThirdParty;
}

interface Target {
  readonly path: string;
  readonly body?: unknown;
}

interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the OpenAPI document spells it. */
  readonly path: string;
  readonly access: Access;
  readonly success: number;
  /** For a route naming something of workspace `default`: what a key of another workspace gets. */
  readonly foreign?: { readonly status: number; readonly code: string };
  /** Who, among those the access rule lets in, the target itself lets act (the broker: a credential's owner and sharers; sharing: its owner); the others get 403. */
  readonly users?: readonly PrincipalName[];
  /** A fresh target per cell, made by the root key, so that no cell depends on another. */
  readonly target: (f: Fixtures) => Promise<Target>;
}

const created = async <T>(stack: KeywardStack, route: string, body: unknown): Promise<T> => {
  const res = await stack.api<T>('POST', route, body);
  if (res.status !== 201) throw new Error(`POST ${route} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};
const freshKey = async (f: Fixtures): Promise<string> => (await created<CreateKeyResult>(f.stack, '/v1/keys', { name: 'target', permissions: { calls: 'read' } })).id;
const freshRole = async (f: Fixtures): Promise<string> => (await created<RoleView>(f.stack, '/v1/roles', { name: 'target role', permissions: ['calls:read'] })).id;
const credentialBody = () => ({ service: 'matrix', name: 'made in the matrix', value: `sk_matrix_${randomBytes(12).toString('hex')}`, location: 'header', parameterName: 'X-API-Key', allowedHosts: ['api.example.com'] });
const freshCredential = async (f: Fixtures): Promise<string> => (await created<CredentialView>(f.stack, '/v1/credentials', credentialBody())).id;
const credentialNotFound = { status: 404, code: 'CREDENTIAL_NOT_FOUND' };
/** Stored by root (its owner), shared with the read-only role, for the third party. */
const usableCredential = async (f: Fixtures): Promise<string> =>
  (await created<CredentialView>(f.stack, '/v1/credentials', { ...credentialBody(), allowedHosts: [f.thirdParty.host], sharedWith: { keys: [], roles: ['read-only'] } })).id;
const webhookBody = () => ({ url: 'https://hooks.example.com/matrix', events: ['key.revoked'] });
/** A workspace holds at most 20 webhooks: the cells before this one are done with theirs, so they go first. */
const clearWebhooks = async (f: Fixtures): Promise<void> => {
  const list = await f.stack.api<{ items: WebhookView[] }>('GET', '/v1/webhooks');
  for (const webhook of list.body.items) await f.stack.api('DELETE', `/v1/webhooks/${webhook.id}`);
};
const freshWebhook = async (f: Fixtures): Promise<string> => {
  await clearWebhooks(f);
  return (await created<WebhookView>(f.stack, '/v1/webhooks', webhookBody())).id;
};
const webhookNotFound = { status: 404, code: 'WEBHOOK_NOT_FOUND' };
const identityBody = () => ({ externalId: `matrix_${randomBytes(8).toString('hex')}` });
const freshIdentity = async (f: Fixtures): Promise<string> => (await created<IdentityView>(f.stack, '/v1/identities', identityBody())).id;
const identityNotFound = { status: 404, code: 'IDENTITY_NOT_FOUND' };
const keyNotFound = { status: 404, code: 'KEY_NOT_FOUND' };
const roleNotFound = { status: 404, code: 'ROLE_NOT_FOUND' };
const at = (path: string, body?: unknown): Target => (body === undefined ? { path } : { path, body });

/** Every route of the gateway. A route missing here fails the first test, so new routes join the matrix. */
const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/health', access: 'public', success: 200, target: async () => at('/health') },
  // Sign-in is public: the key is in the body (here the root key's), whatever Authorization says; sign-out without a session is a no-op.
  { method: 'POST', path: '/v1/session', access: 'public', success: 200, target: async (f) => at('/v1/session', { key: f.stack.rootKey }) },
  { method: 'GET', path: '/v1/session', access: 'any key', success: 200, target: async () => at('/v1/session') },
  { method: 'DELETE', path: '/v1/session', access: 'public', success: 204, target: async () => at('/v1/session') },
  // Unauthenticated by design (product.md 9.5): a leak report's credential is its signature, never a key, so an unsigned one gets 401 whoever sends it;
  // revoke-by-secret's credential is the key in its body, and it answers 202 to anything.
  { method: 'POST', path: '/v1/leaks', access: 'public', success: 401, target: async () => at('/v1/leaks', [{ token: generateKeySecret('live'), type: 'keyward_api_key' }]) },
  { method: 'POST', path: '/v1/keys/revoke-leaked', access: 'public', success: 202, target: async () => at('/v1/keys/revoke-leaked', { key: generateKeySecret('live') }) },
  { method: 'GET', path: '/v1/keys', access: { permission: 'api_keys:read' }, success: 200, target: async () => at('/v1/keys') },
  {
    method: 'POST',
    path: '/v1/keys',
    access: { permission: 'api_keys:write' },
    success: 201,
    target: async () => at('/v1/keys', { name: 'made in the matrix', permissions: { calls: 'read' } }),
  },
  { method: 'GET', path: '/v1/keys/{id}', access: { permission: 'api_keys:read' }, success: 200, foreign: keyNotFound, target: async (f) => at(`/v1/keys/${await freshKey(f)}`) },
  {
    method: 'GET',
    path: '/v1/keys/{id}/usage',
    access: { permission: 'api_keys:read' },
    success: 200,
    foreign: keyNotFound,
    target: async (f) => at(`/v1/keys/${await freshKey(f)}/usage`),
  },
  { method: 'GET', path: '/v1/usage', access: { permission: 'api_keys:read' }, success: 200, target: async () => at('/v1/usage') },
  { method: 'GET', path: '/v1/audit/events', access: { permission: 'audit:read' }, success: 200, target: async () => at('/v1/audit/events?limit=5') },
  {
    method: 'GET',
    path: '/v1/keys/{id}/history',
    access: { permission: 'audit:read' },
    success: 200,
    foreign: keyNotFound,
    target: async (f) => at(`/v1/keys/${await freshKey(f)}/history`),
  },
  {
    method: 'GET',
    path: '/v1/keys/{id}/access',
    access: { permission: 'audit:read' },
    success: 200,
    foreign: keyNotFound,
    target: async (f) => at(`/v1/keys/${await freshKey(f)}/access?require=calls:read`),
  },
  { method: 'GET', path: '/v1/audit/chain', access: 'root', success: 200, target: async () => at('/v1/audit/chain') },
  { method: 'DELETE', path: '/v1/keys/{id}', access: { permission: 'api_keys:write' }, success: 204, foreign: keyNotFound, target: async (f) => at(`/v1/keys/${await freshKey(f)}`) },
  { method: 'PATCH', path: '/v1/keys/{id}', access: { permission: 'api_keys:write' }, success: 200, foreign: keyNotFound, target: async (f) => at(`/v1/keys/${await freshKey(f)}`, { name: 'renamed in the matrix' }) },
  {
    method: 'POST',
    path: '/v1/keys/{id}/rotate',
    access: { permission: 'api_keys:write' },
    success: 200,
    foreign: keyNotFound,
    target: async (f) => at(`/v1/keys/${await freshKey(f)}/rotate`, {}),
  },
  {
    method: 'POST',
    path: '/v1/keys/{id}/revoke',
    access: { permission: 'api_keys:write' },
    success: 200,
    foreign: keyNotFound,
    target: async (f) => at(`/v1/keys/${await freshKey(f)}/revoke`, {}),
  },
  {
    method: 'POST',
    path: '/v1/keys/{id}/disable',
    access: { permission: 'api_keys:write' },
    success: 200,
    foreign: keyNotFound,
    target: async (f) => at(`/v1/keys/${await freshKey(f)}/disable`, {}),
  },
  {
    method: 'POST',
    path: '/v1/keys/{id}/enable',
    access: { permission: 'api_keys:write' },
    success: 200,
    foreign: keyNotFound,
    target: async (f) => {
      const id = await freshKey(f);
      await f.stack.api('POST', `/v1/keys/${id}/disable`, {});
      return at(`/v1/keys/${id}/enable`, {});
    },
  },
  {
    method: 'PUT',
    path: '/v1/keys/{id}/roles',
    access: { permission: 'api_keys:write' },
    success: 200,
    foreign: keyNotFound,
    target: async (f) => at(`/v1/keys/${await freshKey(f)}/roles`, { roles: [f.callsRole] }),
  },
  {
    method: 'PUT',
    path: '/v1/keys/{id}/permissions',
    access: { permission: 'api_keys:write' },
    success: 200,
    foreign: keyNotFound,
    target: async (f) => at(`/v1/keys/${await freshKey(f)}/permissions`, { permissions: { calls: 'write' } }),
  },
  {
    method: 'POST',
    path: '/v1/keys/{id}/shares',
    access: { permission: 'api_keys:write' },
    success: 200,
    foreign: keyNotFound,
    target: async (f) => at(`/v1/keys/${await freshKey(f)}/shares`, { resource: 'calls', resourceId: 'call_1', access: 'read' }),
  },
  {
    method: 'DELETE',
    path: '/v1/keys/{id}/shares/{resource}/{resourceId}',
    access: { permission: 'api_keys:write' },
    success: 200,
    foreign: keyNotFound,
    target: async (f) => {
      const id = await freshKey(f);
      const share = await f.stack.api('POST', `/v1/keys/${id}/shares`, { resource: 'calls', resourceId: 'call_1', access: 'read' });
      if (share.status !== 200) throw new Error(`sharing answered ${share.status}`);
      return at(`/v1/keys/${id}/shares/calls/call_1`);
    },
  },
  { method: 'GET', path: '/v1/roles', access: { permission: 'roles:read' }, success: 200, target: async () => at('/v1/roles') },
  {
    method: 'POST',
    path: '/v1/roles',
    access: { permission: 'roles:write' },
    success: 201,
    target: async () => at('/v1/roles', { name: 'made in the matrix', permissions: ['calls:read'] }),
  },
  { method: 'GET', path: '/v1/roles/{id}', access: { permission: 'roles:read' }, success: 200, foreign: roleNotFound, target: async (f) => at(`/v1/roles/${f.callsRole}`) },
  {
    method: 'PATCH',
    path: '/v1/roles/{id}',
    access: { permission: 'roles:write' },
    success: 200,
    foreign: roleNotFound,
    target: async (f) => at(`/v1/roles/${await freshRole(f)}`, { description: 'edited in the matrix' }),
  },
  { method: 'DELETE', path: '/v1/roles/{id}', access: { permission: 'roles:write' }, success: 204, foreign: roleNotFound, target: async (f) => at(`/v1/roles/${await freshRole(f)}`) },
  { method: 'GET', path: '/v1/credentials', access: { permission: 'credentials:read' }, success: 200, target: async () => at('/v1/credentials?service=matrix') },
  { method: 'POST', path: '/v1/credentials', access: { permission: 'credentials:write' }, success: 201, target: async () => at('/v1/credentials', credentialBody()) },
  {
    method: 'GET',
    path: '/v1/credentials/{id}',
    access: { permission: 'credentials:read' },
    success: 200,
    foreign: credentialNotFound,
    target: async (f) => at(`/v1/credentials/${await freshCredential(f)}`),
  },
  {
    method: 'PATCH',
    path: '/v1/credentials/{id}',
    access: { permission: 'credentials:write' },
    success: 200,
    foreign: credentialNotFound,
    target: async (f) => at(`/v1/credentials/${await freshCredential(f)}`, { name: 'renamed in the matrix' }),
  },
  {
    method: 'PUT',
    path: '/v1/credentials/{id}/value',
    access: { permission: 'credentials:write' },
    success: 200,
    foreign: credentialNotFound,
    target: async (f) => at(`/v1/credentials/${await freshCredential(f)}/value`, { value: `sk_matrix_${randomBytes(12).toString('hex')}` }),
  },
  {
    method: 'PUT',
    path: '/v1/credentials/{id}/sharing',
    access: { permission: 'credentials:write' },
    success: 200,
    foreign: credentialNotFound,
    // Sharing is the owner's (root stored it): another key with credentials:write gets 403.
    users: ['root'],
    target: async (f) => at(`/v1/credentials/${await freshCredential(f)}/sharing`, { keys: [], roles: ['read-only'] }),
  },
  {
    method: 'DELETE',
    path: '/v1/credentials/{id}',
    access: { permission: 'credentials:write' },
    success: 204,
    foreign: credentialNotFound,
    target: async (f) => at(`/v1/credentials/${await freshCredential(f)}`),
  },
  {
    method: 'POST',
    path: '/v1/credentials/{id}/requests',
    access: 'any key',
    success: 200,
    foreign: credentialNotFound,
    users: ['root', 'read-only'],
    target: async (f) => at(`/v1/credentials/${await usableCredential(f)}/requests`, { method: 'GET', url: f.thirdParty.url('/matrix') }),
  },
  { method: 'GET', path: '/v1/webhooks', access: { permission: 'webhooks:read' }, success: 200, target: async () => at('/v1/webhooks') },
  {
    method: 'POST',
    path: '/v1/webhooks',
    access: { permission: 'webhooks:write' },
    success: 201,
    target: async (f) => {
      await clearWebhooks(f);
      return at('/v1/webhooks', webhookBody());
    },
  },
  { method: 'GET', path: '/v1/webhooks/{id}', access: { permission: 'webhooks:read' }, success: 200, foreign: webhookNotFound, target: async (f) => at(`/v1/webhooks/${await freshWebhook(f)}`) },
  {
    method: 'PATCH',
    path: '/v1/webhooks/{id}',
    access: { permission: 'webhooks:write' },
    success: 200,
    foreign: webhookNotFound,
    target: async (f) => at(`/v1/webhooks/${await freshWebhook(f)}`, { description: 'edited in the matrix' }),
  },
  { method: 'POST', path: '/v1/webhooks/{id}/secret', access: { permission: 'webhooks:write' }, success: 200, foreign: webhookNotFound, target: async (f) => at(`/v1/webhooks/${await freshWebhook(f)}/secret`, {}) },
  { method: 'DELETE', path: '/v1/webhooks/{id}', access: { permission: 'webhooks:write' }, success: 204, foreign: webhookNotFound, target: async (f) => at(`/v1/webhooks/${await freshWebhook(f)}`) },
  {
    method: 'GET',
    path: '/v1/webhooks/{id}/deliveries',
    access: { permission: 'webhooks:read' },
    success: 200,
    foreign: webhookNotFound,
    target: async (f) => at(`/v1/webhooks/${await freshWebhook(f)}/deliveries`),
  },
  { method: 'GET', path: '/v1/identities', access: { permission: 'api_keys:read' }, success: 200, target: async () => at('/v1/identities') },
  { method: 'POST', path: '/v1/identities', access: { permission: 'api_keys:write' }, success: 201, target: async () => at('/v1/identities', identityBody()) },
  { method: 'GET', path: '/v1/identities/{id}', access: { permission: 'api_keys:read' }, success: 200, foreign: identityNotFound, target: async (f) => at(`/v1/identities/${await freshIdentity(f)}`) },
  {
    method: 'PATCH',
    path: '/v1/identities/{id}',
    access: { permission: 'api_keys:write' },
    success: 200,
    foreign: identityNotFound,
    target: async (f) => at(`/v1/identities/${await freshIdentity(f)}`, { meta: { edited: 'in the matrix' } }),
  },
  { method: 'DELETE', path: '/v1/identities/{id}', access: { permission: 'api_keys:write' }, success: 204, foreign: identityNotFound, target: async (f) => at(`/v1/identities/${await freshIdentity(f)}`) },
  { method: 'GET', path: '/v1/api-key-users', access: { permission: 'api_keys:read' }, success: 200, target: async () => at('/v1/api-key-users') },
  { method: 'GET', path: '/v1/workspace', access: 'any key', success: 200, target: async () => at('/v1/workspace') },
  {
    method: 'PATCH',
    path: '/v1/workspace',
    access: { permission: '*:write' },
    success: 200,
    target: async () => at('/v1/workspace', { settings: { keyPermissionsImmutable: false } }),
  },
  { method: 'GET', path: '/v1/workspaces', access: 'root', success: 200, target: async () => at('/v1/workspaces') },
  { method: 'POST', path: '/v1/workspaces', access: 'root', success: 201, target: async () => at('/v1/workspaces', { name: 'made in the matrix', plan: 'pro' }) },
  {
    method: 'PATCH',
    path: '/v1/workspaces/{id}',
    access: 'root',
    success: 200,
    target: async (f) => at(`/v1/workspaces/${f.otherWorkspaceId}`, { plan: 'enterprise' }),
  },
];

const holds = (principal: PrincipalName, permission: string): boolean => {
  const parse = (text: string): Permission => {
    const parsed = parsePermission(text);
    if (!parsed) throw new Error(`the matrix names a bad permission: ${text}`);
    return parsed;
  };
  return holdsAll((GRANTS[principal] ?? []).map(parse), [parse(permission)]);
};

/** The expected answer of one cell, from the route's access rule and the principal alone. */
const expected = (route: Route, principal: PrincipalName): { status: number; code?: string } => {
  if (route.access === 'public') return { status: route.success };
  if (UNAUTHENTICATED.includes(principal)) return { status: 401, code: 'UNAUTHENTICATED' };
  if (route.access === 'root') return principal === 'root' ? { status: route.success } : { status: 403, code: 'FORBIDDEN' };
  if (route.access !== 'any key' && !holds(principal, route.access.permission)) return { status: 403, code: 'FORBIDDEN' };
  if (principal === 'other workspace' && route.foreign) return route.foreign;
  if (route.users && !route.users.includes(principal)) return { status: 403, code: 'FORBIDDEN' };
  return { status: route.success };
};

const accessInOpenApi = (operation: Record<string, unknown>): Access => {
  if (operation['x-root-only'] === true) return 'root';
  if (typeof operation['x-required-permission'] === 'string') return { permission: operation['x-required-permission'] };
  return Array.isArray(operation.security) && operation.security.length > 0 ? 'any key' : 'public';
};

describe('authorization matrix: every gateway route × every kind of caller', () => {
  let stack: KeywardStack;
  let fixtures: Fixtures;
  const tokens = new Map<PrincipalName, string | null>();

  beforeAll(async () => {
    // Every principal calls revoke-by-secret from the same address: its per-address limit must not answer for it.
    stack = await KeywardStack.start({ env: { ...LOCAL_OUTBOUND_ENV, KEYWARD_REVOKE_LEAKED_PER_MINUTE: '1000' } });
    const key = (body: Record<string, unknown>): Promise<CreateKeyResult> => created<CreateKeyResult>(stack, '/v1/keys', body);
    const callsRole = await created<RoleView>(stack, '/v1/roles', { name: 'calls reader', permissions: ['calls:read'] });
    const other = await created<CreateWorkspaceResult>(stack, '/v1/workspaces', { name: 'another tenant', plan: 'enterprise' });
    fixtures = { stack, callsRole: callsRole.id, otherWorkspaceId: other.id, thirdParty: await ThirdParty.start() };
    const revoked = await key({ name: 'revoked', unrestricted: true });
    await stack.api('POST', `/v1/keys/${revoked.id}/revoke`, {});
    const expired = await key({ name: 'expires soon', unrestricted: true, expiresAt: new Date(Date.now() + 1_500).toISOString() });
    tokens.set('no key', null);
    tokens.set('malformed', 'kw_live_not-a-key');
    tokens.set('unknown', generateKeySecret('live'));
    tokens.set('revoked', revoked.key);
    tokens.set('expired', expired.key);
    tokens.set('read-only', (await key({ name: 'read-only', roles: ['read-only'] })).key);
    tokens.set('restricted without the resource', (await key({ name: 'calls only', permissions: { calls: 'write' } })).key);
    tokens.set('restricted with it', (await key({ name: 'key manager', permissions: { api_keys: 'write', roles: 'write', calls: 'write' } })).key);
    tokens.set('other workspace', other.adminKey);
    tokens.set('admin', (await key({ name: 'admin', unrestricted: true })).key);
    tokens.set('root', stack.rootKey);
    await sleep(Date.parse(expired.expiresAt ?? '') - Date.now() + 100);
  });

  afterAll(async () => {
    await stack?.stop();
    await fixtures?.thirdParty.stop();
  });

  it('covers exactly the routes of the OpenAPI document, with the access each one declares', async () => {
    const doc = await fetch(`${stack.baseUrl}/docs-json`).then((r) => r.json() as Promise<{ paths: Record<string, Record<string, Record<string, unknown>>> }>);
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, access: accessInOpenApi(operation) })),
    );
    const inMatrix = ROUTES.map((r) => ({ route: `${r.method} ${r.path}`, access: r.access }));
    const byRoute = (a: { route: string }, b: { route: string }): number => a.route.localeCompare(b.route);
    expect(inMatrix.sort(byRoute)).toEqual(documented.sort(byRoute));
  });

  describe.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (_, route) => {
    it.each(PRINCIPALS.map((p) => [p, expected(route, p)] as const))('%s → %j', async (principal, want) => {
      const target = await route.target(fixtures);
      const res = await stack.api<{ code?: string }>(route.method, target.path, target.body, tokens.get(principal) ?? null);
      expect({ status: res.status, code: want.code === undefined ? undefined : res.body?.code }).toEqual({ status: want.status, code: want.code });
    });
  });

  it('lists never cross workspaces: keys, roles and API key users of the other workspace are its own only', async () => {
    const other = tokens.get('other workspace') ?? null;
    const ids = async (route: string, token: string | null): Promise<string[]> =>
      (await stack.api<{ items: { id: string }[] }>('GET', route, undefined, token)).body.items.map((item) => item.id);
    const theirs = await ids('/v1/keys?limit=100', other);
    expect(theirs.length).toBeGreaterThan(0);
    const ours = await ids('/v1/keys?limit=100', stack.rootKey);
    expect(theirs.filter((id) => ours.includes(id))).toEqual([]);
    for (const id of theirs) expect((await stack.api('GET', `/v1/keys/${id}`)).status).toBe(404);
    expect(await ids('/v1/roles', other)).not.toContain(fixtures.callsRole);
    const ourIdentity = await freshIdentity(fixtures);
    expect(await ids('/v1/identities?limit=100', other)).not.toContain(ourIdentity);
    const users = await stack.api<{ items: { keyId: string }[] }>('GET', '/v1/api-key-users?limit=100', undefined, other);
    expect(users.body.items.map((u) => u.keyId).sort()).toEqual([...theirs].sort());
  });

  it('no secret reached any log line', () => {
    expect(leakedSecrets(stack.logs, [...tokens.values()].filter((t): t is string => t !== null))).toEqual([]);
  });
});
