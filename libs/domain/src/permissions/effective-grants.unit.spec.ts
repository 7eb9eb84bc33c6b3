import type { Entitlements, Share } from '@keyward/contracts';
import { CUSTOM_ROLES, permissions } from '../testing';
import { entitlementsOf } from '../workspaces/plan-entitlements';
import { DEFAULT_RESOURCE_CATALOGUE } from '../workspaces/resource-catalogue';
import { BuiltInRoleGrants, effectiveGrants, isBuiltInRole, shareGrant, type KeyAccess, type RoleGrants } from './effective-grants';
import { formatPermission } from './permission';
import { holdsAll } from './permission-evaluator';

const lookup: RoleGrants = (roleId) => CUSTOM_ROLES[roleId];
const restricted = (over: Partial<KeyAccess> = {}): KeyAccess => ({ unrestricted: false, roles: [], permissions: {}, ...over });
const share = (resource: string, resourceId: string, access: 'read' | 'write'): Share => ({ resource, resourceId, access });
const grantsOf = (access: KeyAccess, roles: RoleGrants = lookup, entitlements?: Entitlements): string[] =>
  effectiveGrants(access, roles, entitlements).map(formatPermission);

describe('isBuiltInRole', () => {
  it.each([
    ['admin', true],
    ['read-only', true],
    ['Admin', false],
    ['readonly', false],
    ['custom', false],
    ['role_aaaaaaaaaaaaaaaaaaaa', false],
    ['', false],
    ['toString', false],
    ['constructor', false],
    ['__proto__', false],
  ])('%p: %s', (roleId, builtIn) => {
    expect(isBuiltInRole(roleId)).toBe(builtIn);
  });
});

describe('BuiltInRoleGrants', () => {
  it('admin is *:write and read-only is *:read', () => {
    expect(BuiltInRoleGrants.admin.map(formatPermission)).toEqual(['*:write']);
    expect(BuiltInRoleGrants['read-only'].map(formatPermission)).toEqual(['*:read']);
  });
});

describe('shareGrant', () => {
  it.each<[Share, string]>([
    [share('workflows', 'wf_42', 'read'), 'workflows/wf_42:read'],
    [share('files', 'f.1-a', 'write'), 'files/f.1-a:write'],
  ])('%j grants %s', (s, text) => {
    expect(formatPermission(shareGrant(s))).toBe(text);
  });

  it('is the permission on the instance, with nothing else', () => {
    expect(shareGrant(share('workflows', 'wf_42', 'read'))).toEqual({ resource: 'workflows', instance: 'wf_42', action: 'read' });
  });
});

describe('effectiveGrants', () => {
  // [case, access, grants]
  const table: [string, KeyAccess, string[]][] = [
    ['an unrestricted key: everything', { unrestricted: true, roles: [], permissions: {} }, ['*:write']],
    [
      'an unrestricted key: everything, whatever else it names',
      { unrestricted: true, roles: ['read-only', 'custom'], permissions: { calls: 'read' }, shares: [share('workflows', 'wf_42', 'read')] },
      ['*:write'],
    ],
    ['a restricted key with nothing: nothing', restricted(), []],
    ['built-in admin', restricted({ roles: ['admin'] }), ['*:write']],
    ['built-in read-only', restricted({ roles: ['read-only'] }), ['*:read']],
    ['a custom role, looked up', restricted({ roles: ['custom'] }), ['files:write']],
    ['two custom roles, in order', restricted({ roles: ['caller', 'custom'] }), ['calls:write', 'contacts:read', 'files:write']],
    ['a role that does not exist grants nothing', restricted({ roles: ['ghost'] }), []],
    ['levels, skipping none', restricted({ permissions: { calls: 'write', contacts: 'read', billing: 'none' } }), ['calls:write', 'contacts:read']],
    ['a level on *', restricted({ permissions: { '*': 'read' } }), ['*:read']],
    ['shares, one instance each', restricted({ shares: [share('workflows', 'wf_42', 'read'), share('files', 'f_1', 'write')] }), ['workflows/wf_42:read', 'files/f_1:write']],
    [
      'the union: roles, then levels, then shares',
      restricted({ roles: ['read-only', 'ghost', 'custom'], permissions: { calls: 'write' }, shares: [share('workflows', 'wf_42', 'write')] }),
      ['*:read', 'files:write', 'calls:write', 'workflows/wf_42:write'],
    ],
  ];
  it.each(table)('%s', (_, access, grants) => {
    expect(grantsOf(access)).toEqual(grants);
  });

  it('without a lookup, custom roles grant nothing and built-ins still do', () => {
    expect(effectiveGrants(restricted({ roles: ['custom', 'read-only'] })).map(formatPermission)).toEqual(['*:read']);
  });

  it('does not look built-in roles up', () => {
    const roles = jest.fn<ReturnType<RoleGrants>, Parameters<RoleGrants>>(() => permissions('billing:write'));
    expect(grantsOf(restricted({ roles: ['admin', 'read-only'] }), roles)).toEqual(['*:write', '*:read']);
    expect(roles).not.toHaveBeenCalled();
  });

  describe('with the plan’s entitlements', () => {
    const access = restricted({ roles: ['read-only', 'custom'], permissions: { calls: 'write' }, shares: [share('workflows', 'wf_42', 'read')] });

    // [plan, grants]
    it.each<[Parameters<typeof entitlementsOf>[0], string[]]>([
      ['enterprise', ['*:read', 'files:write', 'calls:write', 'workflows/wf_42:read']],
      // pro has neither custom roles nor shares: they grant nothing, built-ins and levels stay
      ['pro', ['*:read', 'calls:write']],
      ['free', ['*:read', 'calls:write']],
    ])('on %s', (plan, grants) => {
      expect(grantsOf(access, lookup, entitlementsOf(plan))).toEqual(grants);
    });

    it('drops custom roles and shares independently', () => {
      const base = entitlementsOf('enterprise');
      expect(grantsOf(access, lookup, { ...base, customRoles: false })).toEqual(['*:read', 'calls:write', 'workflows/wf_42:read']);
      expect(grantsOf(access, lookup, { ...base, shares: false })).toEqual(['*:read', 'files:write', 'calls:write']);
    });

    it('leaves an unrestricted key with everything', () => {
      expect(grantsOf({ unrestricted: true, roles: [], permissions: {} }, lookup, entitlementsOf('pro'))).toEqual(['*:write']);
    });
  });
});

/**
 * A hand-written generator (seeded, so a failure reproduces): random restricted keys over the
 * default catalogue, checked against an oracle written straight from product.md section 2.
 */
describe('properties of a restricted key’s access, over the default catalogue', () => {
  const mulberry32 = (seed: number) => () => {
    let t = (seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = mulberry32(20261123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const resources = DEFAULT_RESOURCE_CATALOGUE.map((r) => r.resource);
  const instances = ['wf_42', 'a', 'Z-9.x_y'];
  const levels = ['none', 'read', 'write'] as const;
  const actions = ['read', 'write'] as const;
  const rank = { none: 0, read: 1, write: 2 } as const;

  const randomAccess = (): KeyAccess => {
    const permissions: Record<string, (typeof levels)[number]> = {};
    for (const resource of resources) if (random() < 0.3) permissions[resource] = pick(levels);
    const shares: Share[] = [];
    for (let i = Math.floor(random() * 4); i > 0; i -= 1) shares.push(share(pick(resources), pick(instances), pick(actions)));
    const roles = random() < 0.2 ? [pick(['read-only', 'custom', 'caller', 'ghost'])] : [];
    return restricted({ permissions, shares, roles });
  };

  /** section 2 read literally: the level on the type, a share on the instance, `*` from read-only; write implies read. */
  const oracle = (access: KeyAccess, resource: string, instance: string | undefined, action: 'read' | 'write'): boolean => {
    const needed = rank[action];
    if (access.roles.includes('read-only') && needed === rank.read) return true;
    const roleGrants = access.roles.flatMap((role) => CUSTOM_ROLES[role] ?? []);
    if (roleGrants.some((g) => g.resource === resource && rank[g.action] >= needed)) return true;
    if (rank[access.permissions[resource] ?? 'none'] >= needed) return true;
    return instance !== undefined && (access.shares ?? []).some((s) => s.resource === resource && s.resourceId === instance && rank[s.access] >= needed);
  };

  it('holds exactly what the oracle says, on every type and instance, for 300 random keys', () => {
    let checks = 0;
    for (let n = 0; n < 300; n += 1) {
      const access = randomAccess();
      const grants = effectiveGrants(access, lookup);
      for (const resource of resources) {
        for (const instance of [undefined, ...instances]) {
          for (const action of actions) {
            const required = permissions(`${resource}${instance === undefined ? '' : `/${instance}`}:${action}`);
            const expected = oracle(access, resource, instance, action);
            if (holdsAll(grants, required) !== expected) {
              throw new Error(`${JSON.stringify(access)} ${expected ? 'should' : 'should not'} hold ${resource}/${instance ?? ''}:${action}`);
            }
            checks += 1;
          }
        }
      }
    }
    expect(checks).toBe(300 * resources.length * (1 + instances.length) * actions.length);
  });

  it('never holds * unless a built-in role or a level on * gives it, and a key always holds its own grants', () => {
    for (let n = 0; n < 300; n += 1) {
      const access = randomAccess();
      const grants = effectiveGrants(access, lookup);
      expect(holdsAll(grants, permissions('*:read'))).toBe(access.roles.includes('read-only'));
      expect(holdsAll(grants, permissions('*:write'))).toBe(false);
      expect(holdsAll(grants, grants)).toBe(true);
    }
  });

  it('an unrestricted key holds everything, whatever else it names', () => {
    for (let n = 0; n < 100; n += 1) {
      const grants = effectiveGrants({ ...randomAccess(), unrestricted: true }, lookup);
      for (const resource of resources) expect(holdsAll(grants, permissions(`${resource}:write`, `${resource}/wf_42:write`, '*:write'))).toBe(true);
    }
  });
});
