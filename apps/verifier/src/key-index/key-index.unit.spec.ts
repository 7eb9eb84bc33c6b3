import type { WorkspaceSettings } from '@keyward/contracts';
import { indexedKey, keyCreated, recorded } from '../testing/verifier-events';
import { KeyIndex } from './key-index';

const SETTINGS: WorkspaceSettings = { keyPermissionsImmutable: false, resourceCatalogue: [] };
const role = (roleId: string, permissions: string[], workspaceId = 'default') =>
  recorded({ type: 'RoleCreated', data: { roleId, workspaceId, name: roleId, description: '', permissions, createdAt: '' } });
const roleChanged = (roleId: string, permissions: string[], workspaceId = 'default') =>
  recorded({ type: 'RolePermissionsChanged', data: { roleId, workspaceId, name: roleId, description: '', permissions, changedAt: '' } });
const workspace = (workspaceId: string, plan: 'free' | 'pro' | 'enterprise') =>
  recorded({ type: 'WorkspaceCreated', data: { workspaceId, name: workspaceId, plan, settings: SETTINGS, createdAt: '' } });

/** An index with `events` applied and one restricted key created last; answers its secret and id. */
const indexWith = (events: ReturnType<typeof recorded>[], key: Parameters<typeof keyCreated>[0]) => {
  const index = new KeyIndex();
  for (const event of events) index.apply(event);
  const created = keyCreated({ unrestricted: false, ...key });
  index.apply(created.event);
  const granted = () => indexedKey(index, created.secret)?.granted;
  return { index, ...created, granted };
};

describe('KeyIndex', () => {
  it('a key inherits the union of its roles, its direct permissions and its shares', () => {
    const { index, keyId, granted } = indexWith([role('role_a', ['calls:read']), role('role_b', ['contacts:write'])], {
      roles: ['role_a', 'role_b', 'read-only'],
      permissions: { files: 'write', billing: 'none' },
    });
    index.apply(recorded({ type: 'ResourceShared', data: { keyId, resource: 'workflows', resourceId: 'wf_1', access: 'write' } }));
    expect(granted()?.roles).toEqual(['role_a', 'role_b', 'read-only']);
    expect([...(granted()?.permissions ?? [])].sort()).toEqual(['*:read', 'calls:read', 'contacts:write', 'files:write', 'workflows/wf_1:write']);
  });

  it('a role edit recomputes every holder, and only its holders', () => {
    const index = new KeyIndex();
    index.apply(role('role_a', ['calls:read']));
    const holders = [keyCreated({ unrestricted: false, roles: ['role_a'] }), keyCreated({ unrestricted: false, roles: ['role_a'] })];
    const other = keyCreated({ unrestricted: false, permissions: { calls: 'read' } });
    for (const k of [...holders, other]) index.apply(k.event);
    const otherBefore = indexedKey(index, other.secret)?.granted;
    index.apply(roleChanged('role_a', ['calls:write']));
    for (const k of holders) expect(indexedKey(index, k.secret)?.granted.permissions).toEqual(['calls:write']);
    expect(indexedKey(index, other.secret)?.granted).toBe(otherBefore);
  });

  it('a deleted role is gone from the roles and grants of its holders', () => {
    const { index, granted } = indexWith([role('role_a', ['calls:read'])], { roles: ['role_a', 'read-only'] });
    index.apply(recorded({ type: 'RoleDeleted', data: { roleId: 'role_a', workspaceId: 'default', deletedAt: '' } }));
    expect(granted()).toMatchObject({ roles: ['read-only'], permissions: ['*:read'] });
  });

  it('a role of another workspace with the same id grants nothing', () => {
    const { granted } = indexWith([workspace('ws_a', 'enterprise'), role('role_a', ['*:write'], 'ws_b')], { workspaceId: 'ws_a', roles: ['role_a'] });
    expect(granted()).toMatchObject({ roles: [], permissions: [] });
  });

  it('assigning, unassigning and changing permissions apply at once, and move the key between role holders', () => {
    const { index, keyId, granted } = indexWith([role('role_a', ['calls:read']), role('role_b', ['contacts:read'])], { roles: ['role_a'] });
    index.apply(recorded({ type: 'RoleAssigned', data: { keyId, roleId: 'role_b' } }));
    index.apply(recorded({ type: 'RoleUnassigned', data: { keyId, roleId: 'role_a' } }));
    expect(granted()?.permissions).toEqual(['contacts:read']);
    // No longer a holder of role_a: its edit leaves the key alone.
    index.apply(roleChanged('role_a', ['*:write']));
    expect(granted()?.permissions).toEqual(['contacts:read']);
    index.apply(recorded({ type: 'KeyPermissionsChanged', data: { keyId, permissions: {}, unrestricted: true } }));
    expect(granted()).toMatchObject({ roles: [], permissions: ['*:write'] });
  });

  it('unsharing takes the instance back', () => {
    const { index, keyId, granted } = indexWith([], { permissions: { calls: 'read' } });
    index.apply(recorded({ type: 'ResourceShared', data: { keyId, resource: 'workflows', resourceId: 'wf_1', access: 'read' } }));
    index.apply(recorded({ type: 'ResourceUnshared', data: { keyId, resource: 'workflows', resourceId: 'wf_1' } }));
    expect(granted()?.permissions).toEqual(['calls:read']);
  });

  it('a plan without custom roles or shares drops what they grant, and an upgrade gives it back', () => {
    const { index, keyId, granted } = indexWith([workspace('ws_a', 'enterprise'), role('role_a', ['calls:read'], 'ws_a')], {
      workspaceId: 'ws_a',
      roles: ['role_a', 'read-only'],
    });
    index.apply(recorded({ type: 'ResourceShared', data: { keyId, resource: 'files', resourceId: 'f1', access: 'write' } }));
    index.apply(recorded({ type: 'WorkspacePlanChanged', data: { workspaceId: 'ws_a', plan: 'pro', changedAt: '' } }));
    expect(granted()).toMatchObject({ roles: ['read-only'], permissions: ['*:read'] });
    index.apply(recorded({ type: 'WorkspacePlanChanged', data: { workspaceId: 'ws_a', plan: 'enterprise', changedAt: '' } }));
    expect([...(granted()?.permissions ?? [])].sort()).toEqual(['*:read', 'calls:read', 'files/f1:write']);
  });

  it('workspace default starts on enterprise; another starts without API access until created', () => {
    const inDefault = indexWith([], { permissions: { calls: 'read' } });
    expect(indexedKey(inDefault.index, inDefault.secret)?.workspace).toMatchObject({ plan: 'enterprise', entitlements: { apiAccess: true } });
    const unseen = indexWith([], { workspaceId: 'ws_unseen' });
    expect(indexedKey(unseen.index, unseen.secret)?.workspace.entitlements.apiAccess).toBe(false);
  });

  it('deleting a key marks it revoked', () => {
    const { index, keyId, secret } = indexWith([], {});
    index.apply(recorded({ type: 'KeyDeleted', data: { keyId, deletedAt: '' } }));
    expect(indexedKey(index, secret)?.revoked).toBe(true);
  });

  it('keys with the same access share one precomputed set', () => {
    const index = new KeyIndex();
    const a = keyCreated({ unrestricted: false, roles: ['read-only'] });
    const b = keyCreated({ unrestricted: false, roles: ['read-only'] });
    index.apply(a.event);
    index.apply(b.event);
    expect(indexedKey(index, a.secret)?.granted).toBe(indexedKey(index, b.secret)?.granted);
  });

  it.each([
    ['a KeyCreated without a hash', { type: 'KeyCreated', data: { keyId: 'key_x', workspaceId: 'default', roles: [], permissions: {} } }],
    ['a KeyCreated with roles that are not a list', { ...keyCreated({ roles: 7 as unknown as string[] }).event }],
    ['a RoleCreated with permissions that are not a list', { type: 'RoleCreated', data: { roleId: 'role_a', workspaceId: 'default', permissions: 'all' } }],
    ['a WorkspacePlanChanged to an unknown plan', { type: 'WorkspacePlanChanged', data: { workspaceId: 'default', plan: 'gold' } }],
  ])('throws on %s, changing nothing', (_, event) => {
    const index = new KeyIndex();
    const held = keyCreated({ unrestricted: false, roles: ['read-only'] });
    index.apply(held.event);
    const before = indexedKey(index, held.secret)?.granted;
    expect(() => index.apply(recorded(event as { type: string; data: unknown }))).toThrow();
    expect(index.size).toBe(1);
    expect(indexedKey(index, held.secret)?.granted).toBe(before);
    expect(indexedKey(index, held.secret)?.workspace.plan).toBe('enterprise');
  });

  it('ignores events of types it does not know, and events about keys it never saw', () => {
    const index = new KeyIndex();
    expect(() => index.apply(recorded({ type: 'CredentialStored', data: {} }))).not.toThrow();
    expect(() => index.apply(recorded({ type: 'KeyRevoked', data: { keyId: 'key_unknown', revokedAt: '' } }))).not.toThrow();
    expect(index.size).toBe(0);
  });
});
