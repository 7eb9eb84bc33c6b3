import { randomUUID } from 'node:crypto';
import type { CreateKeyResult, CreateWorkspaceResult, IdentityPage, IdentityView, KeyView } from '@keyward/contracts';
import { KeywardStack } from './support/keyward-stack';

jest.setTimeout(120_000);

/** Identities (product.md 9.2a) through the REST API, services as separate processes. */
describe('identities, services as separate processes', () => {
  let stack: KeywardStack;
  let otherAdminKey: string;
  let n = 0;
  const externalId = (): string => `user_${++n}_${Date.now()}`;

  const create = async (body: Record<string, unknown> = {}, token?: string): Promise<IdentityView> => {
    const res = await stack.api<IdentityView>('POST', '/v1/identities', { externalId: externalId(), ...body }, token);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body;
  };
  const createKey = async (body: Record<string, unknown>): Promise<CreateKeyResult> => {
    const res = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'member', permissions: { calls: 'read' }, ...body });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body;
  };
  const fieldsOf = (body: unknown): string[] => ((body as { details?: { field: string }[] }).details ?? []).map((d) => d.field);

  beforeAll(async () => {
    stack = await KeywardStack.start();
    const other = await stack.api<CreateWorkspaceResult>('POST', '/v1/workspaces', { name: 'another tenant', plan: 'enterprise' });
    otherAdminKey = other.body.adminKey;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('creates, shows, changes and deletes an identity; a write answers it as read back', async () => {
    const id = externalId();
    const identity = await create({ externalId: id, meta: { plan: 'pro' }, ratelimits: [{ name: 'tokens', limit: 10, windowSeconds: 60 }], credits: { remaining: 100, refill: { interval: 'daily', amount: 100 } } });
    expect(identity).toEqual({
      id: expect.stringMatching(/^idn_[0-9A-Za-z]{24}$/),
      workspaceId: 'default',
      externalId: id,
      meta: { plan: 'pro' },
      ratelimits: [{ name: 'tokens', limit: 10, windowSeconds: 60, autoApply: true }],
      credits: { remaining: 100, refill: { interval: 'daily', amount: 100 } },
      createdAt: expect.any(String),
      updatedAt: identity.createdAt,
      keyCount: 0,
    });
    expect((await stack.api('GET', `/v1/identities/${identity.id}`)).body).toEqual(identity);

    const patched = await stack.api<IdentityView>('PATCH', `/v1/identities/${identity.id}`, { meta: null, ratelimits: [], credits: null, externalId: `${id}_renamed` });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ externalId: `${id}_renamed`, meta: {}, ratelimits: [], credits: null, keyCount: 0 });
    expect((await stack.api('GET', `/v1/identities/${identity.id}`)).body).toEqual(patched.body);

    expect((await stack.api('DELETE', `/v1/identities/${identity.id}`)).status).toBe(204);
    expect((await stack.api('GET', `/v1/identities/${identity.id}`)).body).toMatchObject({ statusCode: 404, code: 'IDENTITY_NOT_FOUND' });
    expect((await stack.api('DELETE', `/v1/identities/${identity.id}`)).body).toMatchObject({ statusCode: 404, code: 'IDENTITY_NOT_FOUND' });
  });

  it('keeps external ids unique per workspace: 409 CONFLICT for a second live one, free again once renamed away', async () => {
    const first = await create();
    expect((await stack.api('POST', '/v1/identities', { externalId: first.externalId })).body).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    await create({ externalId: first.externalId }, otherAdminKey);
    await stack.api('PATCH', `/v1/identities/${first.id}`, { externalId: externalId() });
    await create({ externalId: first.externalId });
  });

  it('answers a repeated create (same Idempotency-Key) with the same identity, made once', async () => {
    const headers = { 'Idempotency-Key': randomUUID() };
    const body = { externalId: externalId(), meta: { source: 'retry' } };
    const first = await stack.api<IdentityView>('POST', '/v1/identities', body, stack.rootKey, headers);
    const again = await stack.api<IdentityView>('POST', '/v1/identities', body, stack.rootKey, headers);
    expect({ status: again.status, body: again.body, replayed: again.headers.get('idempotent-replayed') }).toEqual({ status: 201, body: first.body, replayed: 'true' });
    const found = await stack.api<IdentityPage>('GET', `/v1/identities?externalId=${encodeURIComponent(body.externalId)}`);
    expect(found.body.items.map((i) => i.id)).toEqual([first.body.id]);
  });

  it('pages newest first with a cursor, and finds one by externalId', async () => {
    const made = [await create(), await create(), await create()];
    const page = await stack.api<IdentityPage>('GET', '/v1/identities?limit=2');
    expect(page.body.items.map((i) => i.id)).toEqual([made[2].id, made[1].id]);
    const next = await stack.api<IdentityPage>('GET', `/v1/identities?limit=2&cursor=${page.body.nextCursor}`);
    expect(next.body.items[0].id).toBe(made[0].id);
    const found = await stack.api<IdentityPage>('GET', `/v1/identities?externalId=${encodeURIComponent(made[1].externalId)}`);
    expect(found.body).toEqual({ items: [made[1]], nextCursor: null });
    expect((await stack.api('GET', '/v1/identities?cursor=not-ours')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('counts its live keys, and refuses its deletion while it has any (409), then deletes it (204)', async () => {
    const identity = await create();
    const [a, b] = [await createKey({ identityId: identity.id }), await createKey({ identityId: identity.id })];
    expect(a.identityId).toBe(identity.id);
    expect((await stack.api<KeyView>('GET', `/v1/keys/${a.id}`)).body.identityId).toBe(identity.id);
    expect((await stack.api<IdentityView>('GET', `/v1/identities/${identity.id}`)).body.keyCount).toBe(2);
    expect((await stack.api('DELETE', `/v1/identities/${identity.id}`)).body).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    expect((await stack.api('POST', `/v1/keys/${a.id}/revoke`, {})).status).toBe(200);
    expect((await stack.api('DELETE', `/v1/keys/${b.id}`)).status).toBe(204);
    expect((await stack.api<IdentityView>('GET', `/v1/identities/${identity.id}`)).body.keyCount).toBe(0);
    expect((await stack.api('DELETE', `/v1/identities/${identity.id}`)).status).toBe(204);
  });

  it('verify answers carry the identity; its keys share its named limit and credits; a PATCH applies in the verifiers before it answers', async () => {
    const identity = await create({ meta: { tier: 'gold' }, ratelimits: [{ name: 'shared', limit: 3, windowSeconds: 60 }], credits: { remaining: 5 } });
    const [a, b] = [await createKey({ identityId: identity.id }), await createKey({ identityId: identity.id })];
    const first = await stack.verify(a.key ?? '');
    expect(first).toMatchObject({ code: 'VALID', identity: { id: identity.id, externalId: identity.externalId, meta: { tier: 'gold' } }, credits: { remaining: 4 } });
    expect(first.ratelimits).toEqual([expect.objectContaining({ name: 'shared', limit: 3, remaining: 2, exceeded: false })]);
    // One counter per limit and identity, one balance: the other key spends from both.
    expect(await stack.verify(b.key ?? '')).toMatchObject({ code: 'VALID', credits: { remaining: 3 } });
    expect(await stack.verify(a.key ?? '')).toMatchObject({ code: 'VALID', credits: { remaining: 2 } });
    expect(await stack.verify(b.key ?? '')).toMatchObject({ code: 'RATE_LIMITED' });
    // The API shows the balance live: what the verifiers spent is subtracted.
    expect((await stack.api<IdentityView>('GET', `/v1/identities/${identity.id}`)).body.credits).toEqual({ remaining: 2 });

    const patched = await stack.api<IdentityView>('PATCH', `/v1/identities/${identity.id}`, { meta: { tier: 'platinum' }, ratelimits: [] });
    expect(patched.body.credits).toEqual({ remaining: 2 });
    expect(await stack.verify(b.key ?? '')).toMatchObject({ code: 'VALID', identity: { id: identity.id, meta: { tier: 'platinum' } }, credits: { remaining: 1 } });
    expect(await stack.verify(a.key ?? '')).toMatchObject({ code: 'VALID', credits: { remaining: 0 } });
    expect(await stack.verify(a.key ?? '')).toMatchObject({ code: 'USAGE_EXCEEDED' });
    expect((await stack.api<IdentityPage>('GET', `/v1/identities?externalId=${encodeURIComponent(identity.externalId)}`)).body.items[0].credits).toEqual({ remaining: 0 });
  });

  it('creates a key of an identity of its own workspace only (404 IDENTITY_NOT_FOUND otherwise)', async () => {
    const theirs = await create({}, otherAdminKey);
    const gone = await create();
    await stack.api('DELETE', `/v1/identities/${gone.id}`);
    for (const identityId of [theirs.id, gone.id, 'idn_000000000000000000000000', 'nope']) {
      expect((await stack.api('POST', '/v1/keys', { name: 'stray', identityId })).body).toMatchObject({ statusCode: 404, code: 'IDENTITY_NOT_FOUND' });
    }
  });

  it('is workspace-isolated: another workspace’s identity is unknown to every route, and never listed', async () => {
    const ours = await create();
    for (const [method, body] of [['GET'], ['PATCH', { meta: {} }], ['DELETE']] as const) {
      expect((await stack.api(method, `/v1/identities/${ours.id}`, body, otherAdminKey)).body).toMatchObject({ statusCode: 404, code: 'IDENTITY_NOT_FOUND' });
    }
    const theirs = await stack.api<IdentityPage>('GET', '/v1/identities?limit=100', undefined, otherAdminKey);
    expect(theirs.body.items.every((i) => i.workspaceId !== 'default')).toBe(true);
    expect((await stack.api<IdentityPage>('GET', `/v1/identities?externalId=${encodeURIComponent(ours.externalId)}`, undefined, otherAdminKey)).body.items).toEqual([]);
  });

  it("lets only a full-access key set an identity's credits and named limits (403 FORBIDDEN for a restricted key manager), the rest to any api_keys:write key", async () => {
    // The identity's limits bind keys holding more than the key manager does: lifting them would hand those keys access again.
    const manager = (await createKey({ name: 'key manager', permissions: { api_keys: 'write', calls: 'write' } })).key ?? '';
    const identity = await create({ credits: { remaining: 5 }, ratelimits: [{ name: 'tokens', limit: 1, windowSeconds: 60 }] });
    const member = await createKey({ identityId: identity.id });
    const forbidden = { statusCode: 403, code: 'FORBIDDEN' };
    for (const body of [{ credits: { remaining: 1_000_000 } }, { credits: null }, { ratelimits: [] }, { ratelimits: [{ name: 'tokens', limit: 1_000, windowSeconds: 1 }] }]) {
      expect((await stack.api('PATCH', `/v1/identities/${identity.id}`, body, manager)).body).toMatchObject(forbidden);
    }
    expect((await stack.api('POST', '/v1/identities', { externalId: externalId(), credits: { remaining: 1 } }, manager)).body).toMatchObject(forbidden);
    expect((await stack.api('POST', '/v1/identities', { externalId: externalId(), ratelimits: [{ name: 'tokens', limit: 1, windowSeconds: 60 }] }, manager)).body).toMatchObject(forbidden);
    expect(await stack.verify(member.key ?? '')).toMatchObject({ code: 'VALID', credits: { remaining: 4 } });
    expect((await stack.api<IdentityView>('GET', `/v1/identities/${identity.id}`)).body.ratelimits).toMatchObject([{ name: 'tokens', limit: 1, windowSeconds: 60 }]);
    const renamed = await stack.api<IdentityView>('PATCH', `/v1/identities/${identity.id}`, { externalId: externalId(), meta: { edited: 'by the key manager' } }, manager);
    expect(renamed.status).toBe(200);
    expect((await create({ meta: { by: 'the key manager' } }, manager)).meta).toEqual({ by: 'the key manager' });
    expect((await stack.api('PATCH', `/v1/identities/${identity.id}`, { credits: { remaining: 10 } })).status).toBe(200);
  });

  it('refuses bad input with 400 naming each field', async () => {
    const bad = async (method: string, route: string, body: unknown): Promise<string[]> => {
      const res = await stack.api(method, route, body);
      expect(res.status).toBe(400);
      return fieldsOf(res.body);
    };
    expect(await bad('POST', '/v1/identities', {})).toContain('externalId');
    expect(await bad('POST', '/v1/identities', { externalId: '' })).toContain('externalId');
    expect(await bad('POST', '/v1/identities', { externalId: 'x'.repeat(256) })).toContain('externalId');
    expect(await bad('POST', '/v1/identities', { externalId: 'a\nb' })).toContain('externalId');
    expect(await bad('POST', '/v1/identities', { externalId: 'x', meta: ['not', 'an', 'object'] })).toContain('meta');
    expect(await bad('POST', '/v1/identities', { externalId: 'x', meta: { big: 'x'.repeat(9_000) } })).toContain('meta');
    expect(await bad('POST', '/v1/identities', { externalId: 'x', credits: { remaining: -1 } })).toContain('credits.remaining');
    expect(await bad('POST', '/v1/identities', { externalId: 'x', ratelimits: Array.from({ length: 11 }, (_, i) => ({ name: `n${i}`, limit: 1, windowSeconds: 1 })) })).toContain('ratelimits');
    expect(await bad('POST', '/v1/identities', { externalId: 'x', ratelimits: [{ name: 'a', limit: 1, windowSeconds: 1 }, { name: 'a', limit: 2, windowSeconds: 1 }] })).toContain('ratelimits');
    const identity = await create();
    expect(await bad('PATCH', `/v1/identities/${identity.id}`, { externalId: null })).toContain('externalId');
    expect(await bad('PATCH', `/v1/identities/${identity.id}`, { ratelimits: null })).toContain('ratelimits');
    expect((await stack.api('GET', '/v1/identities/not-an-id')).body).toMatchObject({ statusCode: 404, code: 'IDENTITY_NOT_FOUND' });
  });
});
