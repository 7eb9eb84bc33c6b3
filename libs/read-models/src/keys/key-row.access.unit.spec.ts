import fc from 'fast-check';
import type { KeyCreated, KeyEvent, ResourceSharedData, Share } from '@keyward/contracts';
import { evolveKey, initialKeyState } from '@keyward/domain';
import { evolveRowAccess, type KeyRowAccess } from './key-row.access';

const KEY_ID = 'key_aaaaaaaaaaaaaaaaaaaaaaaa';
const share = (resource: string, resourceId: string, access: Share['access']): Share => ({ resource, resourceId, access });
const row = (over: Partial<KeyRowAccess> = {}): KeyRowAccess => ({ roles: [], permissions: {}, restricted: true, shares: [], ...over });

const assigned = (roleId: string): KeyEvent => ({ type: 'RoleAssigned', data: { keyId: KEY_ID, roleId } });
const unassigned = (roleId: string): KeyEvent => ({ type: 'RoleUnassigned', data: { keyId: KEY_ID, roleId } });
const shared = (data: Share): KeyEvent => ({ type: 'ResourceShared', data: { keyId: KEY_ID, ...data } });
const unshared = (resource: string, resourceId: string): KeyEvent => ({ type: 'ResourceUnshared', data: { keyId: KEY_ID, resource, resourceId } });
const fold = (start: KeyRowAccess, events: readonly KeyEvent[]): KeyRowAccess => events.reduce(evolveRowAccess, start);

describe("a key row's access, folded with the domain's rules", () => {
  it('appends a role once, in order of assignment', () => {
    expect(fold(row(), ['admin', 'role_b', 'admin', 'read-only'].map(assigned)).roles).toEqual(['admin', 'role_b', 'read-only']);
  });

  it('removes an unassigned role and leaves the rest in order; an unknown role changes nothing', () => {
    expect(fold(row({ roles: ['admin', 'role_b', 'read-only'] }), [unassigned('role_b')]).roles).toEqual(['admin', 'read-only']);
    expect(fold(row({ roles: ['admin'] }), [unassigned('role_x')]).roles).toEqual(['admin']);
  });

  it('sharing the same instance again replaces its access instead of adding a second share', () => {
    const shares = [share('workflows', 'wf_1', 'read'), share('workflows', 'wf_2', 'read')];
    expect(fold(row({ shares }), [shared(share('workflows', 'wf_1', 'write'))]).shares).toEqual([share('workflows', 'wf_2', 'read'), share('workflows', 'wf_1', 'write')]);
    expect(fold(row({ shares }), [shared(share('pages', 'wf_1', 'read'))]).shares).toHaveLength(3);
  });

  it('keeps nothing but the share itself from event data', () => {
    const data: ResourceSharedData = { keyId: KEY_ID, ...share('files', 'f_1', 'read') };
    expect(evolveRowAccess(row(), { type: 'ResourceShared', data }).shares).toEqual([share('files', 'f_1', 'read')]);
  });

  it('unshares only the instance named by resource and id', () => {
    const shares = [share('workflows', 'wf_1', 'read'), share('pages', 'wf_1', 'read')];
    expect(fold(row({ shares }), [unshared('workflows', 'wf_1')]).shares).toEqual([share('pages', 'wf_1', 'read')]);
    expect(fold(row({ shares }), [unshared('workflows', 'wf_9')]).shares).toEqual(shares);
  });

  it('sets the levels and restriction a permissions change names', () => {
    const changed = evolveRowAccess(row({ restricted: false }), { type: 'KeyPermissionsChanged', data: { keyId: KEY_ID, permissions: { calls: 'read' }, unrestricted: false } });
    expect(changed).toMatchObject({ permissions: { calls: 'read' }, restricted: true });
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
      role.map(assigned),
      role.map(unassigned),
      fc.tuple(resource, resourceId, fc.constantFrom<Share['access']>('read', 'write')).map(([r, id, access]) => shared(share(r, id, access))),
      fc.tuple(resource, resourceId).map(([r, id]) => unshared(r, id)),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        const domain = [created, ...events].reduce(evolveKey, initialKeyState);
        const { roles, shares } = fold(row(), events);
        expect(domain).toMatchObject({ roles, shares });
      }),
    );
  });
});
