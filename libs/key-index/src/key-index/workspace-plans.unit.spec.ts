import { indexedKey, indexOf, keyCreated, permissionsOf, planChanged, recorded, restrictedKey, roleCreated, shared, workspaceCreated } from '../testing/verifier-events';
import { keyInEachWorkspace } from '../testing/two-workspaces.fixture';

/** A plan decides API access and what custom roles and shares grant; a change holds at once (product.md section 7). */
describe('KeyIndex: workspace plans', () => {
  it('a downgrade drops what custom roles and shares grant, and an upgrade gives it back', () => {
    const key = restrictedKey(['role_a', 'read-only'], {}, 'ws_a');
    const index = indexOf(workspaceCreated('ws_a', 'enterprise'), roleCreated('role_a', ['calls:write'], 'ws_a'), key.event);
    index.apply(shared(key.keyId, { resource: 'files', resourceId: 'f1', access: 'write' }));
    index.apply(planChanged('ws_a', 'pro'));
    expect(indexedKey(index, key.secret)?.granted).toMatchObject({ roles: ['read-only'], permissions: ['*:read'] });
    expect(indexedKey(index, key.secret)?.workspace).toMatchObject({ plan: 'pro', entitlements: { apiAccess: true } });
    index.apply(planChanged('ws_a', 'enterprise'));
    expect(permissionsOf(index, key.secret)).toEqual(['*:read', 'calls:write', 'files/f1:write']);
  });

  it('a plan change recomputes only that workspace’s keys', () => {
    const { index, inA, inB } = keyInEachWorkspace({ roleId: 'role_a', permissions: ['calls:read'] }, { roleId: 'role_b', permissions: ['calls:read'] });
    const bBefore = indexedKey(index, inB.secret)?.granted;
    index.apply(planChanged('ws_a', 'free'));
    expect(indexedKey(index, inA.secret)?.workspace.entitlements.apiAccess).toBe(false);
    expect(indexedKey(index, inA.secret)?.granted.permissions).toEqual([]);
    expect(indexedKey(index, inB.secret)?.granted).toBe(bBefore);
    expect(indexedKey(index, inB.secret)?.workspace).toMatchObject({ plan: 'enterprise', entitlements: { apiAccess: true } });
  });

  it('workspace default starts on the domain’s default plan; another has no API access until created', () => {
    const inDefault = keyCreated();
    const unseen = keyCreated({ workspaceId: 'ws_unseen' });
    const index = indexOf(inDefault.event, unseen.event);
    expect(indexedKey(index, inDefault.secret)?.workspace).toMatchObject({ workspaceId: 'default', plan: 'enterprise', entitlements: { apiAccess: true } });
    expect(indexedKey(index, unseen.secret)?.workspace.entitlements.apiAccess).toBe(false);
    index.apply(workspaceCreated('ws_unseen', 'pro'));
    expect(indexedKey(index, unseen.secret)?.workspace).toMatchObject({ plan: 'pro', entitlements: { apiAccess: true } });
  });

  it('the default workspace’s plan can change like any other', () => {
    const key = restrictedKey(['role_a']);
    const index = indexOf(roleCreated('role_a', ['calls:read']), key.event);
    index.apply(planChanged('default', 'pro'));
    expect(indexedKey(index, key.secret)?.granted.permissions).toEqual([]);
    expect(indexedKey(index, key.secret)?.workspace.plan).toBe('pro');
  });

  it('a settings change leaves plans and grants as they were', () => {
    const key = restrictedKey(['read-only'], {}, 'ws_a');
    const index = indexOf(workspaceCreated('ws_a', 'pro'), key.event);
    const before = indexedKey(index, key.secret)?.granted;
    index.apply(recorded({ type: 'WorkspaceSettingsChanged', data: { workspaceId: 'ws_a', settings: { keyPermissionsImmutable: true, resourceCatalogue: [] }, changedAt: '' } }));
    expect(indexedKey(index, key.secret)?.granted).toBe(before);
    expect(indexedKey(index, key.secret)?.workspace.plan).toBe('pro');
  });
});
