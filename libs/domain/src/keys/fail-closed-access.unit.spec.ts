import fc from 'fast-check';
import type { AccessLevel, KeyEvent, ResourcePermissions, Share } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import { effectiveGrants, type KeyAccess } from '../permissions/effective-grants';
import type { Permission } from '../permissions/permission';
import { holdsAll } from '../permissions/permission-evaluator';
import { accessPolicy, CUSTOM_ROLES, createKey, KEY_ID, keyCreated, NOW, permission, WORKSPACE_ID } from '../testing';
import type { CreateKey, KeyCommand } from './key.commands';
import { keyDecider } from './key.decider';
import type { ExistingKey, KeyState } from './key.state';

/**
 * Product.md section 2: access fails closed. For any create or edit, the key's effective
 * permissions afterwards never exceed what the request named (its roles, its levels, and for an
 * edit what the key keeps untouched); only `unrestricted: true`, or a create naming nothing
 * about access at all, may yield full access. A refused command yields nothing, which is fine.
 */

const SEED = 6_001;
const RUNS = 2_000;
const ALL: readonly Permission[] = [permission('*:write')];

const role = fc.constantFrom('admin', 'read-only', 'custom', 'caller', 'ghost');
const level = fc.constantFrom<AccessLevel>('none', 'read', 'write');
const resource = fc.constantFrom('*', 'calls', 'contacts', 'files', 'billing', 'api_keys', 'not in catalogue', 'Bad!');
const levels: fc.Arbitrary<ResourcePermissions> = fc.dictionary(resource, level, { maxKeys: 5 });
const roles = fc.array(role, { maxLength: 4 });
const unrestrictedFlag = fc.constantFrom(undefined, true, false);
const share: fc.Arbitrary<Share> = fc.record({ resource: fc.constantFrom('workflows', 'calls'), resourceId: fc.constantFrom('wf_1', 'c_2'), access: fc.constantFrom<Share['access']>('read', 'write') });
const plan = fc.constantFrom('pro' as const, 'enterprise' as const);
const authority = fc.constantFrom(['*:write'], ['api_keys:write', 'calls:write', 'contacts:read'], ['*:read', 'api_keys:write']);
const policy = fc.tuple(plan, authority).map(([p, a]) => accessPolicy({ plan: p, authority: a }));

/** The oracle: what named roles and levels grant, computed here rather than by the code under test. */
const grantsNamed = (named: { roles?: readonly string[]; permissions?: ResourcePermissions; shares?: readonly Share[] }): Permission[] => [
  ...(named.roles ?? []).flatMap((r) => (r === 'admin' ? ALL : r === 'read-only' ? [permission('*:read')] : (CUSTOM_ROLES[r] ?? []))),
  ...Object.entries(named.permissions ?? {}).flatMap(([res, l]) => (l === 'none' ? [] : [{ resource: res, action: l }])),
  ...(named.shares ?? []).map((s) => ({ resource: s.resource, instance: s.resourceId, action: s.access })),
];

const accessOf = (key: ExistingKey): KeyAccess => ({ unrestricted: key.unrestricted, roles: key.roles, permissions: key.permissions, shares: key.shares });

/** The key after the command, or `undefined` when the command was refused. */
const decided = (history: readonly KeyEvent[], command: KeyCommand): ExistingKey | undefined => {
  const before = history.reduce(keyDecider.evolve, keyDecider.initialState());
  let events: KeyEvent[];
  try {
    events = keyDecider.decide(command, before, NOW);
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
  const after: KeyState = events.reduce(keyDecider.evolve, before);
  if (after.status === 'absent') throw new Error('a key command left no key');
  return after;
};

const holdsAtMost = (key: ExistingKey, allowed: readonly Permission[]): boolean =>
  holdsAll(allowed, effectiveGrants(accessOf(key), (r) => CUSTOM_ROLES[r]));

/** A key as earlier events left it: restricted or not, with roles, levels and shares. */
const priorKey = fc.record({ unrestricted: fc.boolean(), roles, permissions: levels, shares: fc.array(share, { maxLength: 2 }) }).map(({ unrestricted, roles: r, permissions, shares }) => {
  const valid = (p: ResourcePermissions): ResourcePermissions => Object.fromEntries(Object.entries(p).filter(([res]) => /^(\*|[a-z_]+)$/.test(res)));
  const history: KeyEvent[] = [keyCreated({ unrestricted, roles: unrestricted ? [] : r.filter((x) => x !== 'ghost'), permissions: unrestricted ? {} : valid(permissions) })];
  for (const s of shares) history.push({ type: 'ResourceShared', data: { keyId: KEY_ID, ...s } });
  return history;
});

describe('access fails closed (property)', () => {
  it('a created key holds at most what the request named; full access only when asked for or nothing was named', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.option(roles, { nil: undefined }), fc.option(levels, { nil: undefined }), unrestrictedFlag, policy, (r, p, unrestricted, pol) => {
        const command: CreateKey = createKey({ policy: pol, ...(r === undefined ? {} : { roles: r }), ...(p === undefined ? {} : { permissions: p }), ...(unrestricted === undefined ? {} : { unrestricted }) });
        const key = decided([], command);
        if (!key) return;
        accepted++;
        const askedForAll = unrestricted === true || (unrestricted === undefined && r === undefined && p === undefined);
        expect(key.unrestricted).toBe(askedForAll);
        expect(holdsAtMost(key, askedForAll ? ALL : grantsNamed({ roles: r, permissions: p }))).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The property is only worth something if many generated requests were accepted.
    expect(accepted).toBeGreaterThan(RUNS / 10);
  });

  it('an edit of roles never yields more than the roles named and what the key keeps (levels, shares)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(priorKey, roles, policy, (history, r, pol) => {
        const before = history.reduce(keyDecider.evolve, keyDecider.initialState()) as ExistingKey;
        const key = decided(history, { type: 'SetKeyRoles', keyId: KEY_ID, workspaceId: WORKSPACE_ID, roles: r, policy: pol });
        if (!key) return;
        accepted++;
        expect(key.unrestricted).toBe(false);
        expect(holdsAtMost(key, grantsNamed({ roles: r, permissions: before.permissions, shares: before.shares }))).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 10);
  });

  it('an edit of permissions never yields more than the levels named and what the key keeps (roles, shares), unless unrestricted: true is named', () => {
    let accepted = 0;
    fc.assert(
      fc.property(priorKey, levels, unrestrictedFlag, policy, (history, p, unrestricted, pol) => {
        const before = history.reduce(keyDecider.evolve, keyDecider.initialState()) as ExistingKey;
        const command: KeyCommand = { type: 'SetKeyPermissions', keyId: KEY_ID, workspaceId: WORKSPACE_ID, permissions: p, policy: pol, ...(unrestricted === undefined ? {} : { unrestricted }) };
        const key = decided(history, command);
        if (!key) return;
        accepted++;
        expect(key.unrestricted).toBe(unrestricted === true);
        if (unrestricted !== true) expect(holdsAtMost(key, grantsNamed({ roles: before.roles, permissions: p, shares: before.shares }))).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 10);
  });
});
