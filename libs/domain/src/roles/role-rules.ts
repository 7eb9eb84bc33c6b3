import { randomIds, type IdSource } from '../ids/id-source';
import { validationError } from '../domain.error';
import { formatPermission, parsePermission, type Permission } from '../permissions/permission';
import { assertInCatalogue, type WorkspacePolicy } from '../access/access-policy';

export const MAX_ROLE_PERMISSIONS = 100;
export const MAX_ROLE_DESCRIPTION_LENGTH = 500;

const ROLE_ID = /^role_[0-9A-Za-z]{20}$/;

/** Unique across workspaces, so that a role stream is named by its id alone. */
export const newRoleId = (ids: IdSource = randomIds): string => `role_${ids(20)}`;
export const isRoleId = (value: unknown): value is string => typeof value === 'string' && ROLE_ID.test(value);

const invalidPermission = (i: number) => validationError(`permissions[${i}]`, 'a permission is <resource>:<read|write>, *:<read|write> or <resource>/<id>:<read|write>');

/** Untrusted input as a role's permission list (where a command is parsed): at most `MAX_ROLE_PERMISSIONS` strings. */
export const rolePermissionList = (raw: unknown): string[] => {
  if (!Array.isArray(raw) || raw.length > MAX_ROLE_PERMISSIONS) {
    throw validationError('permissions', `permissions must be a list of at most ${MAX_ROLE_PERMISSIONS} permission strings`);
  }
  return raw.map((text: unknown, i) => {
    if (typeof text !== 'string') throw invalidPermission(i);
    return text;
  });
};

/** Parsed, once each, resources from the workspace's catalogue. */
export const validRolePermissions = (texts: readonly string[], workspace: WorkspacePolicy): Permission[] => {
  const unique = new Map<string, Permission>();
  texts.forEach((text, i) => {
    const permission = parsePermission(text);
    if (!permission) throw invalidPermission(i);
    assertInCatalogue(workspace.settings, permission.resource, `permissions[${i}]`);
    unique.set(formatPermission(permission), permission);
  });
  return [...unique.values()];
};
