import type { KeywardEvent } from '@keyward/contracts';
import { applyEvents, keyCreated, keyId as keyIdOf } from '../testing/read-model.fixtures';
import { readModelQueries } from '../testing/read-model-queries.fixture';
import { KeyQueries } from './key-queries';

jest.setTimeout(30_000);

const NOW = new Date('2026-06-01T00:00:00.000Z');

describe('key table: access and deletion events', () => {
  const db = readModelQueries((dataSource) => new KeyQueries(dataSource));

  let n = 0;

  /** A key of its own per test, so tests do not see each other's changes; `then` says what happens to it next. */
  const freshKey = async (over: Parameters<typeof keyCreated>[1] = {}, then: (id: string) => KeywardEvent[] = () => []): Promise<string> => {
    n += 1;
    const created = keyCreated(n, over);
    await applyEvents(db.dataSource, [created, ...then(created.data.keyId)]);
    return created.data.keyId;
  };

  it('keeps roles in order of assignment, each once, and drops unassigned ones', async () => {
    const id = await freshKey({ roles: ['read-only'], unrestricted: false }, (keyId) => [
      { type: 'RoleAssigned', data: { keyId, roleId: 'role_b' } },
      { type: 'RoleAssigned', data: { keyId, roleId: 'read-only' } },
      { type: 'RoleAssigned', data: { keyId, roleId: 'role_a' } },
      { type: 'RoleUnassigned', data: { keyId, roleId: 'role_b' } },
      { type: 'RoleAssigned', data: { keyId, roleId: 'role_b' } },
    ]);
    expect((await db.queries.get('default', id, NOW))?.roles).toEqual(['read-only', 'role_a', 'role_b']);
  });

  it('takes the whole new permissions, and restricted follows unrestricted both ways', async () => {
    const id = await freshKey({ unrestricted: true });
    expect(await db.queries.get('default', id, NOW)).toMatchObject({ restricted: false, permissions: {} });
    await applyEvents(db.dataSource, [{ type: 'KeyPermissionsChanged', data: { keyId: id, permissions: { calls: 'write', contacts: 'none' }, unrestricted: false } }]);
    expect(await db.queries.get('default', id, NOW)).toMatchObject({ restricted: true, permissions: { calls: 'write', contacts: 'none' } });
    await applyEvents(db.dataSource, [{ type: 'KeyPermissionsChanged', data: { keyId: id, permissions: { calls: 'read' }, unrestricted: true } }]);
    expect(await db.queries.get('default', id, NOW)).toMatchObject({ restricted: false, permissions: { calls: 'read' } });
  });

  it('adds a share, replaces the share of the same instance, and removes an unshared one', async () => {
    const id = await freshKey({ unrestricted: false }, (keyId) => [
      { type: 'ResourceShared', data: { keyId, resource: 'workflows', resourceId: 'wf_1', access: 'read' } },
      { type: 'ResourceShared', data: { keyId, resource: 'workflows', resourceId: 'wf_2', access: 'read' } },
      { type: 'ResourceShared', data: { keyId, resource: 'pages', resourceId: 'wf_1', access: 'write' } },
      { type: 'ResourceShared', data: { keyId, resource: 'workflows', resourceId: 'wf_1', access: 'write' } },
      { type: 'ResourceUnshared', data: { keyId, resource: 'workflows', resourceId: 'wf_2' } },
      { type: 'ResourceUnshared', data: { keyId, resource: 'files', resourceId: 'f_9' } },
    ]);
    expect((await db.queries.get('default', id, NOW))?.shares).toEqual([
      { resource: 'pages', resourceId: 'wf_1', access: 'write' },
      { resource: 'workflows', resourceId: 'wf_1', access: 'write' },
    ]);
  });

  it('a deleted key is gone from the table and from lists; later events about it change nothing', async () => {
    const id = await freshKey({}, (keyId) => [
      { type: 'KeyRevoked', data: { keyId, revokedAt: '2026-02-01T00:00:00.000Z' } },
      { type: 'KeyDeleted', data: { keyId, deletedAt: '2026-02-02T00:00:00.000Z' } },
      { type: 'RoleAssigned', data: { keyId, roleId: 'admin' } },
      { type: 'ResourceShared', data: { keyId, resource: 'workflows', resourceId: 'wf_1', access: 'read' } },
      { type: 'KeyPermissionsChanged', data: { keyId, permissions: {}, unrestricted: true } },
    ]);
    expect(await db.queries.get('default', id, NOW)).toBeUndefined();
    expect(await db.dataSource.query('SELECT id FROM keys WHERE id = $1', [id])).toEqual([]);
    const page = await db.queries.list('default', { limit: 100 }, NOW);
    expect(page.items.map((k) => k.id)).not.toContain(id);
  });

  it("never shows another workspace's key, by id or in a list", async () => {
    const id = await freshKey({ workspaceId: 'ws_other' }, (keyId) => [{ type: 'ResourceShared', data: { keyId, resource: 'files', resourceId: 'f_1', access: 'read' } }]);
    expect(await db.queries.get('default', id, NOW)).toBeUndefined();
    expect((await db.queries.list('default', { limit: 100 }, NOW)).items.map((k) => k.id)).not.toContain(id);
    expect(await db.queries.get('ws_other', id, NOW)).toMatchObject({ id, workspaceId: 'ws_other', shares: [{ resource: 'files', resourceId: 'f_1', access: 'read' }] });
  });

  it('passes over event types it does not follow', async () => {
    const before = await db.dataSource.query('SELECT * FROM keys ORDER BY id');
    await applyEvents(db.dataSource, [{ type: 'KeyLeakReported', data: { keyId: keyIdOf(1) } }, { type: 'IdentityCreated', data: { identityId: 'idn_passedover00000000000000', workspaceId: 'default', externalId: 'user_1', meta: {}, ratelimits: [], createdAt: '2026-01-01T00:00:00.000Z' } }]);
    expect(await db.dataSource.query('SELECT * FROM keys ORDER BY id')).toEqual(before);
  });

  it('applies creations of one batch together as one by one: in order with the events between them, a replayed one once', async () => {
    const [a, b, c] = [101, 102, 103].map((m) => keyCreated(m, { roles: [] }));
    const between: KeywardEvent = { type: 'RoleAssigned', data: { keyId: a.data.keyId, roleId: 'role_a' } };
    await applyEvents(db.dataSource, [a, b, between, c, a]);
    const together = await db.dataSource.query('SELECT * FROM keys WHERE id = ANY($1) ORDER BY id', [[a, b, c].map((e) => e.data.keyId)]);
    await db.dataSource.query('DELETE FROM keys WHERE id = ANY($1)', [[a, b, c].map((e) => e.data.keyId)]);
    for (const event of [a, b, between, c, a]) await applyEvents(db.dataSource, [event]);
    expect(await db.dataSource.query('SELECT * FROM keys WHERE id = ANY($1) ORDER BY id', [[a, b, c].map((e) => e.data.keyId)])).toEqual(together);
    expect(together.map((row: { id: string; roles: string[] }) => [row.id, row.roles])).toEqual([
      [a.data.keyId, ['role_a']],
      [b.data.keyId, []],
      [c.data.keyId, []],
    ]);
  });
});
