import type { Entitlements, Plan } from '@keyward/contracts';

/** The defaults of product.md section 7. */
export const PLAN_ENTITLEMENTS: Readonly<Record<Plan, Entitlements>> = {
  free: { apiAccess: false, restrictedKeys: false, customRoles: false, shares: false, credentialSharing: false },
  pro: { apiAccess: true, restrictedKeys: true, customRoles: false, shares: false, credentialSharing: false },
  enterprise: { apiAccess: true, restrictedKeys: true, customRoles: true, shares: true, credentialSharing: true },
};

export const entitlementsOf = (plan: Plan): Entitlements => PLAN_ENTITLEMENTS[plan];

/** The cheapest plan with an entitlement, for "upgrade to …" messages. */
export const planFor = (entitlement: keyof Entitlements): Plan =>
  (['free', 'pro', 'enterprise'] as const).find((plan) => PLAN_ENTITLEMENTS[plan][entitlement]) ?? 'enterprise';
