import type { Permission } from '@keyward/domain';
import { keyDeleted, planChanged, restrictedKey, roleChanged, roleCreated, roleDeleted, workspaceCreated, indexedKey } from '../testing/verifier-events';
import { GrantSets, type GrantSet } from './grant-set';
import { KeyIndex } from './key-index';

/** Counts precomputations: every effective set the index computes ends up here. */
class CountingGrantSets extends GrantSets {
  calls = 0;
  override of(roles: readonly string[], grants: readonly Permission[]): GrantSet {
    this.calls++;
    return super.of(roles, grants);
  }
}

/**
 * Reverse indexes keep a role edit or a plan change to the keys concerned, and keys with the same
 * access are computed once: with 100,000 keys, an edit must not cost a pass over all of them.
 */
describe('KeyIndex: what a change recomputes', () => {
  const setup = () => {
    const counting = new CountingGrantSets();
    const index = new KeyIndex(counting);
    const twins = [restrictedKey(['role_a'], {}, 'ws_a'), restrictedKey(['role_a'], {}, 'ws_a')];
    const withMore = restrictedKey(['role_a', 'read-only'], {}, 'ws_a');
    const bystander = restrictedKey(['role_b'], {}, 'ws_a');
    const elsewhere = restrictedKey(['role_c'], {}, 'ws_b');
    for (const event of [
      workspaceCreated('ws_a', 'enterprise'),
      workspaceCreated('ws_b', 'enterprise'),
      roleCreated('role_a', ['calls:read'], 'ws_a'),
      roleCreated('role_b', ['calls:read'], 'ws_a'),
      roleCreated('role_c', ['calls:read'], 'ws_b'),
      ...[...twins, withMore, bystander, elsewhere].map((k) => k.event),
    ])
      index.apply(event);
    counting.calls = 0;
    return { counting, index, twins, withMore, bystander, elsewhere };
  };

  it('a role edit computes once per distinct access among its holders, and nothing else', () => {
    const { counting, index, twins, withMore } = setup();
    index.apply(roleChanged('role_a', ['calls:write'], 'ws_a'));
    expect(counting.calls).toBe(2); // the twins share one computation; withMore needs its own
    for (const k of [...twins, withMore]) expect(indexedKey(index, k.secret)?.granted.permissions).toContain('calls:write');
  });

  it('a role delete recomputes its holders only', () => {
    const { counting, index } = setup();
    index.apply(roleDeleted('role_b', 'ws_a'));
    expect(counting.calls).toBe(1);
  });

  it('a plan change recomputes that workspace’s keys only', () => {
    const { counting, index, elsewhere } = setup();
    const before = indexedKey(index, elsewhere.secret)?.granted;
    index.apply(planChanged('ws_a', 'pro'));
    expect(counting.calls).toBe(3); // twins, withMore, bystander: three distinct accesses in ws_a
    expect(indexedKey(index, elsewhere.secret)?.granted).toBe(before);
  });

  it('a deleted key is recomputed no more', () => {
    const { counting, index, twins } = setup();
    index.apply(keyDeleted(twins[0].keyId));
    index.apply(keyDeleted(twins[1].keyId));
    index.apply(roleChanged('role_a', ['calls:write'], 'ws_a'));
    index.apply(planChanged('ws_a', 'pro'));
    expect(counting.calls).toBe(1 + 2); // role edit: withMore; plan: withMore and bystander
  });
});
