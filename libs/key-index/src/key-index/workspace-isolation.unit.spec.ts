import { indexedKey, indexOf, permissionsOf, restrictedKey, roleChanged, roleCreated, roleDeleted, workspaceCreated } from '../testing/verifier-events';
import { keyInEachWorkspace } from '../testing/two-workspaces.fixture';

/** A role is (workspace, role id): a key never sees another workspace's role, even under the same id. */
describe('KeyIndex: workspace isolation', () => {
  const setup = () => keyInEachWorkspace({ roleId: 'role_x', permissions: ['calls:read'] }, { roleId: 'role_x', permissions: ['contacts:write'] });

  it('the same role id in two workspaces is two roles', () => {
    const { index, inA, inB } = setup();
    expect(permissionsOf(index, inA.secret)).toEqual(['calls:read']);
    expect(permissionsOf(index, inB.secret)).toEqual(['contacts:write']);
  });

  it('editing or deleting one leaves the other workspace’s keys untouched', () => {
    const { index, inA, inB } = setup();
    const aBefore = indexedKey(index, inA.secret)?.granted;
    index.apply(roleChanged('role_x', ['*:write'], 'ws_b'));
    expect(indexedKey(index, inA.secret)?.granted).toBe(aBefore);
    expect(permissionsOf(index, inB.secret)).toEqual(['*:write']);
    index.apply(roleDeleted('role_x', 'ws_b'));
    expect(indexedKey(index, inA.secret)?.granted).toMatchObject({ roles: ['role_x'], permissions: ['calls:read'] });
    expect(indexedKey(index, inB.secret)?.granted).toMatchObject({ roles: [], permissions: [] });
  });

  it('a role only another workspace has grants nothing', () => {
    const key = restrictedKey(['role_y'], {}, 'ws_a');
    const index = indexOf(workspaceCreated('ws_a', 'enterprise'), roleCreated('role_y', ['*:write'], 'ws_b'), key.event);
    expect(indexedKey(index, key.secret)?.granted).toMatchObject({ roles: [], permissions: [] });
  });
});
