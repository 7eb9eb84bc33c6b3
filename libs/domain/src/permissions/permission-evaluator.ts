import type { Permission } from './permission';
import { isAllOf, isAnyOf, type PermissionQuery } from './permission-query';

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

// Plain loops below, no closures: a verify evaluates its query on the hot path and allocates nothing here.

/** Some grant covers the required permission. */
export const holds = (grants: readonly Permission[], required: Permission): boolean => {
  for (let i = 0; i < grants.length; i++) if (grantCovers(grants[i], required)) return true;
  return false;
};

/** Every required permission must be covered by at least one grant. */
export const holdsAll = (grants: readonly Permission[], required: readonly Permission[]): boolean => holdsQuery(grants, required);

/** Whether the grants satisfy a permission query: every item of a list, one of `anyOf`, each permission by `holds`. */
export const holdsQuery = (grants: readonly Permission[], query: PermissionQuery): boolean => {
  if (isAllOf(query)) {
    for (let i = 0; i < query.length; i++) if (!holdsQuery(grants, query[i])) return false;
    return true;
  }
  if (isAnyOf(query)) {
    const { anyOf } = query;
    for (let i = 0; i < anyOf.length; i++) if (holdsQuery(grants, anyOf[i])) return true;
    return false;
  }
  return holds(grants, query);
};
