import { roleStreamId, type RoleEvent } from '@keyward/contracts';
import { roleCreated } from '../testing/read-model.fixtures';
import { projectedHistory } from '../testing/projected-history.fixture';
import { RoleQueries } from './role.queries';
import { RoleStateQueries } from './role-state.queries';

jest.setTimeout(30_000);

const metadata = { workspaceId: 'ws_1', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 };

describe('a role read from its own history', () => {
  const history = projectedHistory('role_state', async (store) => {
    const append = (roleId: string, events: RoleEvent[]) =>
      store.appendToStream(roleStreamId(roleId), events.map((e) => ({ ...e, metadata })), { expectedVersion: 'any' });
    await append('role_kept', [
      roleCreated('role_kept', { workspaceId: 'ws_1', createdAt: '2026-01-01T00:00:01.000Z' }),
      { type: 'RolePermissionsChanged', data: { roleId: 'role_kept', workspaceId: 'ws_1', name: 'renamed', description: 'd', permissions: ['calls:write'], changedAt: '2026-01-02T00:00:00.000Z' } },
    ]);
    await append('role_new', [roleCreated('role_new', { workspaceId: 'ws_1', createdAt: '2026-01-03T00:00:00.000Z' })]);
    await append('role_gone', [roleCreated('role_gone', { workspaceId: 'ws_1' }), { type: 'RoleDeleted', data: { roleId: 'role_gone', workspaceId: 'ws_1', deletedAt: '2026-01-04T00:00:00.000Z' } }]);
  });

  it.each(['role_kept', 'role_new', 'admin'])('is the view the role table gives once the projector caught up: %s', async (roleId) => {
    const folded = await new RoleStateQueries(history.store).get('ws_1', roleId);
    expect(folded).toBeDefined();
    expect(folded).toEqual(await new RoleQueries(history.dataSource).get('ws_1', roleId));
  });

  it('answers nothing for a deleted role, an unknown one and another workspace’s, alike', async () => {
    const roles = new RoleStateQueries(history.store);
    expect(await roles.get('ws_1', 'role_gone')).toBeUndefined();
    expect(await roles.get('ws_1', 'role_unknown')).toBeUndefined();
    expect(await roles.get('ws_2', 'role_kept')).toBeUndefined();
  });
});
