import type { KeyEvent, Share } from '@keyward/contracts';
import type { KeyAccess } from '../permissions/effective-grants';
import { KEY_ID, keyCreated, keyRevoked, keyRotated } from '../testing';
import { evolveKeyAccess } from './evolve-key-access';

const share = (resource: string, resourceId: string, access: 'read' | 'write'): Share => ({ resource, resourceId, access });
const access = (over: Partial<KeyAccess> = {}): KeyAccess => ({ unrestricted: false, roles: [], permissions: {}, shares: [], ...over });
const fold = (from: KeyAccess, ...events: KeyEvent[]): KeyAccess => events.reduce(evolveKeyAccess, from);

const assigned = (roleId: string): KeyEvent => ({ type: 'RoleAssigned', data: { keyId: KEY_ID, roleId } });
const unassigned = (roleId: string): KeyEvent => ({ type: 'RoleUnassigned', data: { keyId: KEY_ID, roleId } });
const changed = (permissions: Record<string, 'none' | 'read' | 'write'>, unrestricted: boolean): KeyEvent => ({
  type: 'KeyPermissionsChanged',
  data: { keyId: KEY_ID, permissions, unrestricted },
});
const shared = (s: Share): KeyEvent => ({ type: 'ResourceShared', data: { keyId: KEY_ID, ...s } });
const unshared = (resource: string, resourceId: string): KeyEvent => ({ type: 'ResourceUnshared', data: { keyId: KEY_ID, resource, resourceId } });

describe('evolveKeyAccess', () => {
  // [case, from, events, to]
  const table: [string, KeyAccess, KeyEvent[], KeyAccess][] = [
    ['RoleAssigned adds a role at the end', access({ roles: ['a'] }), [assigned('b')], access({ roles: ['a', 'b'] })],
    ['RoleAssigned of a role held already changes nothing', access({ roles: ['a', 'b'] }), [assigned('a')], access({ roles: ['a', 'b'] })],
    ['RoleUnassigned removes a role', access({ roles: ['a', 'b', 'c'] }), [unassigned('b')], access({ roles: ['a', 'c'] })],
    ['RoleUnassigned of a role not held changes nothing', access({ roles: ['a'] }), [unassigned('z')], access({ roles: ['a'] })],
    [
      'KeyPermissionsChanged replaces levels and unrestricted, keeping roles and shares',
      access({ roles: ['a'], permissions: { calls: 'read', files: 'write' }, shares: [share('pages', 'p', 'read')] }),
      [changed({ contacts: 'write' }, false)],
      access({ roles: ['a'], permissions: { contacts: 'write' }, shares: [share('pages', 'p', 'read')] }),
    ],
    ['KeyPermissionsChanged to full access', access({ permissions: { calls: 'read' } }), [changed({}, true)], access({ unrestricted: true })],
    ['KeyPermissionsChanged from full access', access({ unrestricted: true }), [changed({ calls: 'read' }, false)], access({ permissions: { calls: 'read' } })],
    ['ResourceShared adds a share', access(), [shared(share('workflows', 'wf_42', 'read'))], access({ shares: [share('workflows', 'wf_42', 'read')] })],
    [
      'ResourceShared of an instance shared already replaces its access',
      access({ shares: [share('workflows', 'wf_42', 'read'), share('files', 'f', 'read')] }),
      [shared(share('workflows', 'wf_42', 'write'))],
      access({ shares: [share('files', 'f', 'read'), share('workflows', 'wf_42', 'write')] }),
    ],
    [
      'ResourceShared keeps the same id of another resource apart',
      access({ shares: [share('pages', 'x', 'read')] }),
      [shared(share('workflows', 'x', 'write'))],
      access({ shares: [share('pages', 'x', 'read'), share('workflows', 'x', 'write')] }),
    ],
    [
      'ResourceUnshared removes exactly that instance',
      access({ shares: [share('workflows', 'wf_42', 'read'), share('workflows', 'wf_43', 'read'), share('pages', 'wf_42', 'read')] }),
      [unshared('workflows', 'wf_42')],
      access({ shares: [share('workflows', 'wf_43', 'read'), share('pages', 'wf_42', 'read')] }),
    ],
    ['ResourceUnshared of a share not there changes nothing', access({ shares: [share('files', 'f', 'read')] }), [unshared('files', 'g')], access({ shares: [share('files', 'f', 'read')] })],
    [
      'a sequence, folded in order',
      access({ unrestricted: true }),
      [changed({}, false), assigned('read-only'), assigned('custom'), shared(share('files', 'f', 'write')), unassigned('read-only'), shared(share('files', 'f', 'read')), unshared('files', 'f')],
      access({ roles: ['custom'] }),
    ],
  ];
  it.each(table)('%s', (_, from, events, to) => {
    expect(fold(from, ...events)).toEqual(to);
  });

  it('starts the shares of an access without any', () => {
    const bare: KeyAccess = { unrestricted: false, roles: [], permissions: {} };
    expect(evolveKeyAccess(bare, shared(share('files', 'f', 'read')))).toEqual({ ...bare, shares: [share('files', 'f', 'read')] });
    expect(evolveKeyAccess(bare, unshared('files', 'f'))).toEqual({ ...bare, shares: [] });
  });

  it('leaves the same object for every other event', () => {
    const from = access({ roles: ['a'], permissions: { calls: 'read' } });
    const unknown = { type: 'KeyLeakReported', data: { keyId: KEY_ID } } as unknown as KeyEvent;
    for (const event of [keyCreated(), keyRotated(), keyRevoked(), { type: 'KeyDeleted', data: { keyId: KEY_ID, deletedAt: 'T' } } as KeyEvent, unknown]) {
      expect(evolveKeyAccess(from, event)).toBe(from);
    }
  });

  it('never mutates what it was given', () => {
    const from = access({ roles: ['a'], permissions: { calls: 'read' }, shares: [share('files', 'f', 'read')] });
    const copy = JSON.parse(JSON.stringify(from)) as KeyAccess;
    fold(from, assigned('b'), unassigned('a'), changed({}, true), shared(share('files', 'f', 'write')), unshared('files', 'f'));
    expect(from).toEqual(copy);
  });

  it('keeps the other fields of a richer state', () => {
    const state = { ...access(), name: 'orders', status: 'active' as const };
    expect(evolveKeyAccess(state, assigned('a'))).toEqual({ ...state, roles: ['a'] });
  });
});
