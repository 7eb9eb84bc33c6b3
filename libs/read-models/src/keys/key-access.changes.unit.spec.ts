import fc from 'fast-check';
import type { KeyCreated, KeyEvent, ResourceSharedData, Share } from '@keyward/contracts';
import { evolveKey, initialKeyState } from '@keyward/domain';
import { withoutRole, withoutShare, withRole, withShare } from './key-access.changes';

const KEY_ID = 'key_aaaaaaaaaaaaaaaaaaaaaaaa';
const share = (resource: string, resourceId: string, access: Share['access']): Share => ({ resource, resourceId, access });

describe('key access changes', () => {
  it('appends a role once, in order of assignment', () => {
    expect(['admin', 'role_b', 'admin', 'read-only'].reduce<string[]>(withRole, [])).toEqual(['admin', 'role_b', 'read-only']);
  });

  it('removes an unassigned role and leaves the rest in order; an unknown role changes nothing', () => {
    expect(withoutRole(['admin', 'role_b', 'read-only'], 'role_b')).toEqual(['admin', 'read-only']);
    expect(withoutRole(['admin'], 'role_x')).toEqual(['admin']);
  });

  it('sharing the same instance again replaces its access instead of adding a second share', () => {
    const shares = [share('workflows', 'wf_1', 'read'), share('workflows', 'wf_2', 'read')];
    expect(withShare(shares, share('workflows', 'wf_1', 'write'))).toEqual([share('workflows', 'wf_2', 'read'), share('workflows', 'wf_1', 'write')]);
    expect(withShare(shares, share('pages', 'wf_1', 'read'))).toHaveLength(3);
  });

  it('keeps nothing but the share itself from event data', () => {
    const data: ResourceSharedData = { keyId: KEY_ID, ...share('files', 'f_1', 'read') };
    expect(withShare([], data)).toEqual([share('files', 'f_1', 'read')]);
  });

  it('unshares only the instance named by resource and id', () => {
    const shares = [share('workflows', 'wf_1', 'read'), share('pages', 'wf_1', 'read')];
    expect(withoutShare(shares, 'workflows', 'wf_1')).toEqual([share('pages', 'wf_1', 'read')]);
    expect(withoutShare(shares, 'workflows', 'wf_9')).toEqual(shares);
  });

  it('agrees with the domain (evolveKey) on roles and shares for any sequence of access events', () => {
    const created: KeyCreated = {
      type: 'KeyCreated',
      data: {
        keyId: KEY_ID, workspaceId: 'default', name: 'k', environment: 'live', secretHash: '0'.repeat(64), prefix: 'kw_live_0000', lastFour: 'abcd',
        createdAt: '2026-01-01T00:00:00.000Z', expiresAt: null, roles: [], permissions: {}, unrestricted: false,
      },
    };
    const role = fc.constantFrom('admin', 'read-only', 'role_a', 'role_b');
    const resource = fc.constantFrom('workflows', 'pages');
    const resourceId = fc.constantFrom('x_1', 'x_2');
    const event: fc.Arbitrary<KeyEvent> = fc.oneof(
      role.map((roleId): KeyEvent => ({ type: 'RoleAssigned', data: { keyId: KEY_ID, roleId } })),
      role.map((roleId): KeyEvent => ({ type: 'RoleUnassigned', data: { keyId: KEY_ID, roleId } })),
      fc.tuple(resource, resourceId, fc.constantFrom<Share['access']>('read', 'write')).map(([r, id, access]): KeyEvent => ({ type: 'ResourceShared', data: { keyId: KEY_ID, resource: r, resourceId: id, access } })),
      fc.tuple(resource, resourceId).map(([r, id]): KeyEvent => ({ type: 'ResourceUnshared', data: { keyId: KEY_ID, resource: r, resourceId: id } })),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        const domain = [created, ...events].reduce(evolveKey, initialKeyState);
        let roles: string[] = [];
        let shares: Share[] = [];
        for (const e of events) {
          if (e.type === 'RoleAssigned') roles = withRole(roles, e.data.roleId);
          if (e.type === 'RoleUnassigned') roles = withoutRole(roles, e.data.roleId);
          if (e.type === 'ResourceShared') shares = withShare(shares, e.data);
          if (e.type === 'ResourceUnshared') shares = withoutShare(shares, e.data.resource, e.data.resourceId);
        }
        expect(domain).toMatchObject({ roles, shares });
      }),
    );
  });
});
