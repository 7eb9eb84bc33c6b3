import { Plans, type Entitlements, type Plan } from '@keyward/contracts';
import { entitlementsOf, PLAN_ENTITLEMENTS, planFor } from './plan-entitlements';

describe('entitlementsOf', () => {
  // product.md section 7: free has no API access, pro adds keys and restricted keys, enterprise everything.
  it.each<[Plan, Entitlements]>([
    ['free', { apiAccess: false, restrictedKeys: false, customRoles: false, shares: false, credentialSharing: false }],
    ['pro', { apiAccess: true, restrictedKeys: true, customRoles: false, shares: false, credentialSharing: false }],
    ['enterprise', { apiAccess: true, restrictedKeys: true, customRoles: true, shares: true, credentialSharing: true }],
  ])('%s', (plan, entitlements) => {
    expect(entitlementsOf(plan)).toEqual(entitlements);
  });

  it('has an entry for every plan and no other', () => {
    expect(Object.keys(PLAN_ENTITLEMENTS).sort()).toEqual([...Plans].sort());
  });

  it('never takes away on the way up: what a plan allows, every dearer plan allows', () => {
    const order: Plan[] = ['free', 'pro', 'enterprise'];
    for (let i = 1; i < order.length; i += 1) {
      for (const [entitlement, allowed] of Object.entries(entitlementsOf(order[i - 1]))) {
        if (allowed) expect(entitlementsOf(order[i])[entitlement as keyof Entitlements]).toBe(true);
      }
    }
  });
});

describe('planFor', () => {
  it.each<[keyof Entitlements, Plan]>([
    ['apiAccess', 'pro'],
    ['restrictedKeys', 'pro'],
    ['customRoles', 'enterprise'],
    ['shares', 'enterprise'],
    ['credentialSharing', 'enterprise'],
  ])('%s needs at least %s', (entitlement, plan) => {
    expect(planFor(entitlement)).toBe(plan);
  });
});
