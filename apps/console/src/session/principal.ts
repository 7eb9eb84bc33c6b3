import type { components } from '../api/schema.generated';

/** Who is signed in, as the session answers it; the console shows only what this principal may do (the API refuses the rest anyway). */
export type Principal = components['schemas']['SessionPrincipalDto'];

/** `<resource>:<action>` of product.md section 2: `*` any resource, `write` implies `read`; shares (`res/id:…`) grant no resource type. */
const grants = (permission: string, resource: string, action: 'read' | 'write'): boolean => {
  const [held, level] = permission.split(':');
  return (held === '*' || held === resource) && (level === action || level === 'write');
};

export const can = (principal: Principal, resource: string, action: 'read' | 'write'): boolean =>
  principal.root || principal.permissions.some((permission) => grants(permission, resource, action));
