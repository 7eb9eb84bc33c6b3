/**
 * `<resource>:<read|write>` or, for a share, `<resource>/<id>:<read|write>` (product.md section 2).
 * `*` as the resource stands for every resource type and every instance of it.
 */
export type PermissionAction = 'read' | 'write';

export interface Permission {
  readonly resource: string;
  /** Set for a share: one instance of the resource. */
  readonly instance?: string;
  readonly action: PermissionAction;
}

export const MAX_RESOURCE_INSTANCE_LENGTH = 128;
const RESOURCE_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const INSTANCE = new RegExp(`^[A-Za-z0-9_.-]{1,${MAX_RESOURCE_INSTANCE_LENGTH}}$`);

export const PERMISSION_ACTIONS: readonly PermissionAction[] = ['read', 'write'];
export const isPermissionAction = (value: unknown): value is PermissionAction => PERMISSION_ACTIONS.includes(value as PermissionAction);

/** A resource type as the catalogue names it, e.g. `calls`, `data_sets`. */
export const isResourceName = (text: string): boolean => RESOURCE_NAME.test(text);

/** The id of one resource instance, as a share names it, e.g. `wf_42`. */
export const isResourceInstance = (text: string): boolean => INSTANCE.test(text);

/** Parses a permission string; `undefined` for anything that is not one. */
export const parsePermission = (text: unknown): Permission | undefined => {
  if (typeof text !== 'string' || text.length > 200) return undefined;
  const colon = text.lastIndexOf(':');
  const action = text.slice(colon + 1);
  if (colon < 1 || !isPermissionAction(action)) return undefined;
  const subject = text.slice(0, colon);
  if (subject === '*') return { resource: '*', action };
  const slash = subject.indexOf('/');
  const resource = slash < 0 ? subject : subject.slice(0, slash);
  if (!isResourceName(resource)) return undefined;
  if (slash < 0) return { resource, action };
  const instance = subject.slice(slash + 1);
  return INSTANCE.test(instance) ? { resource, instance, action } : undefined;
};

export const formatPermission = (p: Permission): string =>
  `${p.resource}${p.instance === undefined ? '' : `/${p.instance}`}:${p.action}`;
