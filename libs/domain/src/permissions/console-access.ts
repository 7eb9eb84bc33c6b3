import { MANAGEMENT_RESOURCES } from '../workspaces/resource-catalogue';
import { holdsAll } from './permission-evaluator';
import { parsePermission, type Permission } from './permission';

/**
 * Whether a key may sign in to the console: it must hold read (or write) on at least one
 * management resource, on its type rather than on one shared instance. A data-plane key
 * (`calls:read`) would get a long-lived browser session that can show nothing, and widens the
 * ways a leaked data-plane key can be used.
 */
export const mayUseConsole = (grants: readonly string[]): boolean => {
  const held = grants.map(parsePermission).filter((p): p is Permission => p !== undefined && p.instance === undefined);
  return MANAGEMENT_RESOURCES.some((resource) => holdsAll(held, [{ resource, action: 'read' }]));
};
