import { applyEvents, roleCreated } from '../testing/read-model.fixtures';
import { readModelQueries } from '../testing/read-model-queries.fixture';
import { RoleQueries } from './role.queries';

jest.setTimeout(30_000);

describe('role table and queries', () => {
  const db = readModelQueries((dataSource) => new RoleQueries(dataSource), [
    // Ids against the order of creation: the list must follow the times, not the ids.
    roleCreated('role_z', { workspaceId: 'ws_1', name: 'first', createdAt: '2026-01-01T00:00:01.000Z' }),
    roleCreated('role_a', { workspaceId: 'ws_1', name: 'second', createdAt: '2026-01-01T00:00:02.000Z' }),
    roleCreated('role_m', { workspaceId: 'ws_1', name: 'doomed', createdAt: '2026-01-01T00:00:03.000Z' }),
    roleCreated('role_other', { workspaceId: 'ws_2', name: 'elsewhere' }),
  ]);

  it('lists the built-in roles first, then custom roles by creation time', async () => {
    const list = await db.queries.list('ws_1');
    expect(list.map((r) => r.id)).toEqual(['admin', 'read-only', 'role_z', 'role_a', 'role_m']);
    expect(list[0]).toEqual({ id: 'admin', workspaceId: 'ws_1', name: 'Admin', description: 'Everything', permissions: ['*:write'], builtIn: true, createdAt: null, updatedAt: null });
    expect(list[1]).toMatchObject({ id: 'read-only', permissions: ['*:read'], builtIn: true });
    expect(list[2]).toEqual({
      id: 'role_z', workspaceId: 'ws_1', name: 'first', description: '', permissions: ['calls:read'], builtIn: false,
      createdAt: '2026-01-01T00:00:01.000Z', updatedAt: '2026-01-01T00:00:01.000Z',
    });
  });

  it("never returns another workspace's role", async () => {
    expect((await db.queries.list('ws_2')).map((r) => r.id)).toEqual(['admin', 'read-only', 'role_other']);
    expect(await db.queries.get('ws_1', 'role_other')).toBeUndefined();
    expect(await db.queries.get('ws_2', 'role_other')).toMatchObject({ id: 'role_other', workspaceId: 'ws_2' });
    expect(await db.queries.get('ws_1', 'role_unknown')).toBeUndefined();
  });

  it('gets the built-in roles in any workspace, even one with no custom role', async () => {
    expect(await db.queries.get('ws_empty', 'read-only')).toMatchObject({ id: 'read-only', workspaceId: 'ws_empty', builtIn: true });
    expect((await db.queries.list('ws_empty')).map((r) => r.id)).toEqual(['admin', 'read-only']);
  });

  it('a change replaces name, description and permissions and moves updatedAt, not createdAt', async () => {
    await applyEvents(db.dataSource, [
      {
        type: 'RolePermissionsChanged',
        data: { roleId: 'role_a', workspaceId: 'ws_1', name: 'renamed', description: 'now writes', permissions: ['calls:write', 'workflows/wf_1:read'], changedAt: '2026-02-01T00:00:00.000Z' },
      },
    ]);
    expect(await db.queries.get('ws_1', 'role_a')).toEqual({
      id: 'role_a', workspaceId: 'ws_1', name: 'renamed', description: 'now writes', permissions: ['calls:write', 'workflows/wf_1:read'], builtIn: false,
      createdAt: '2026-01-01T00:00:02.000Z', updatedAt: '2026-02-01T00:00:00.000Z',
    });
  });

  it("an event naming the wrong workspace does not touch the role", async () => {
    await applyEvents(db.dataSource, [
      { type: 'RolePermissionsChanged', data: { roleId: 'role_other', workspaceId: 'ws_1', name: 'hijacked', description: '', permissions: ['*:write'], changedAt: '2026-02-01T00:00:00.000Z' } },
      { type: 'RoleDeleted', data: { roleId: 'role_other', workspaceId: 'ws_1', deletedAt: '2026-02-01T00:00:00.000Z' } },
    ]);
    expect(await db.queries.get('ws_2', 'role_other')).toMatchObject({ name: 'elsewhere', permissions: ['calls:read'] });
  });

  it('a deleted role is gone from the table', async () => {
    await applyEvents(db.dataSource, [{ type: 'RoleDeleted', data: { roleId: 'role_m', workspaceId: 'ws_1', deletedAt: '2026-03-01T00:00:00.000Z' } }]);
    expect(await db.queries.get('ws_1', 'role_m')).toBeUndefined();
    expect((await db.queries.list('ws_1')).map((r) => r.id)).not.toContain('role_m');
    expect(await db.dataSource.query(`SELECT id FROM roles WHERE id = 'role_m'`)).toEqual([]);
  });
});
