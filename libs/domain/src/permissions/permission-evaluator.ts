import type { Permission } from './permission';

const actionCovers = (granted: Permission['action'], required: Permission['action']): boolean =>
  granted === 'write' || required === 'read';

const subjectCovers = (granted: Permission, required: Permission): boolean => {
  if (granted.resource === '*') return true;
  if (granted.resource !== required.resource) return false;
  // A grant on the resource type covers every instance; a share covers only its own instance.
  return granted.instance === undefined || granted.instance === required.instance;
};

/** Whether one granted permission implies a required one (`write` implies `read`). */
export const grantCovers = (granted: Permission, required: Permission): boolean =>
  actionCovers(granted.action, required.action) && subjectCovers(granted, required);

/** Every required permission must be covered by at least one grant. */
export const holdsAll = (grants: readonly Permission[], required: readonly Permission[]): boolean =>
  required.every((r) => grants.some((g) => grantCovers(g, r)));
