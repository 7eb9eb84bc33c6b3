import type { Share } from '@keyward/contracts';

/**
 * How the key table's role and share lists change. Pure, so that the projection and its unit
 * tests agree with the domain's `evolveKey` on order and duplicates.
 */

/** Appends a role not held yet; assigning a held role again changes nothing. */
export const withRole = (roles: readonly string[], roleId: string): string[] => (roles.includes(roleId) ? [...roles] : [...roles, roleId]);

export const withoutRole = (roles: readonly string[], roleId: string): string[] => roles.filter((r) => r !== roleId);

const sameInstance = (share: Share, resource: string, resourceId: string): boolean => share.resource === resource && share.resourceId === resourceId;

/** Sharing an instance again replaces its share (e.g. `read` becomes `write`) and moves it last, as the domain does. */
export const withShare = (shares: readonly Share[], share: Share): Share[] => [
  ...shares.filter((s) => !sameInstance(s, share.resource, share.resourceId)),
  { resource: share.resource, resourceId: share.resourceId, access: share.access },
];

export const withoutShare = (shares: readonly Share[], resource: string, resourceId: string): Share[] =>
  shares.filter((s) => !sameInstance(s, resource, resourceId));
