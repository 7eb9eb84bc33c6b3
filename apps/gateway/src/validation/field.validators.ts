import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { MAX_PERMISSION_QUERY_DEPTH, MAX_PERMISSION_QUERY_LENGTH, MAX_REQUIRED_PERMISSIONS } from '@keyward/contracts';
import { ArrayMaxSize, IsArray, IsObject, IsString, Length, Matches, ValidateBy, ValidateIf, ValidateNested, buildMessage, type ValidationOptions } from 'class-validator';
import {
  isAccessLevel,
  isIpAllowlistEntry,
  isLevelResource,
  isResourceInstance,
  isResourceName,
  MAX_IP_ALLOWLIST_ENTRIES,
  MAX_KEY_RESOURCES,
  MAX_META_BYTES,
  MAX_META_DEPTH,
  MAX_KEY_ROLES,
  MAX_RESOURCE_INSTANCE_LENGTH,
  MAX_ROLE_ID_LENGTH,
  parseIpAddress,
  parseIsoDateTime,
  parsePermission,
  parsePermissionQuery,
  validMeta,
} from '@keyward/domain';

/**
 * Field rules shared by the DTOs. class-validator checks a property's rules in the order they were
 * applied and reports only the first failure, so each composition applies the type check first
 * (in a stack of decorators, that is the lowest one).
 */

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** Trimmed, 1 to `max` characters, no control characters (they would let a name forge log lines). */
export const IsDisplayName = (max: number): PropertyDecorator =>
  applyDecorators(IsString(), Length(1, max), Matches(/^\P{Cc}*$/u, { message: '$property must not contain control characters' }), Transform(trim));

/**
 * May be left out, but `null` is a value to validate, unlike with `@IsOptional()`: a request
 * naming `roles: null` must not read as one that names no access at all (access fails closed).
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** A class-validator rule from a predicate; its message follows the property name. */
export const rule =
  (name: string, test: (value: unknown) => boolean, message: string) =>
  (options?: ValidationOptions): PropertyDecorator =>
    ValidateBy({ name, validator: { validate: test, defaultMessage: buildMessage((prefix) => `${prefix}$property ${message}`, options) } }, options);

/** An ISO 8601 date-time later than now (checked again by the domain when the command runs). */
export const IsFutureDateTime = rule('isFutureDateTime', (value) => typeof value === 'string' && Date.parse(value) > Date.now(), 'must be a date-time in the future');

/** A date-time with its zone, by the domain's strict reading: without one, the server's zone would decide. */
export const IsZonedDateTime = rule(
  'isZonedDateTime',
  (value) => typeof value === 'string' && parseIsoDateTime(value) !== undefined,
  'must be an ISO 8601 date-time with a time zone, e.g. "2026-11-23T10:00:00Z"',
);

const isResourcePermissions = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length <= MAX_KEY_RESOURCES &&
  Object.entries(value).every(([resource, level]) => isLevelResource(resource) && isAccessLevel(level));

/** `{ resource: "none" | "read" | "write" }`, resource names as in the catalogue, or `*` for every resource. */
export const IsResourcePermissions = rule(
  'isResourcePermissions',
  isResourcePermissions,
  `must map at most ${MAX_KEY_RESOURCES} lowercase resource names (or "*") to "none", "read" or "write"`,
);

/** A resource type name as the catalogue spells it: lowercase, digits and `_`. */
export const IsResourceName = rule('isResourceName', (value) => typeof value === 'string' && isResourceName(value), 'must be a lowercase resource name, e.g. "calls"');

/** The id of one resource instance, as a share names it. */
export const IsResourceInstance = rule(
  'isResourceInstance',
  (value) => typeof value === 'string' && isResourceInstance(value),
  `must be 1 to ${MAX_RESOURCE_INSTANCE_LENGTH} letters, digits, "_", "." or "-"`,
);

/** `<resource>:<read|write>`, `*:<action>` or a share `<resource>/<id>:<action>` (product.md section 2). */
export const IsPermission = rule(
  'isPermission',
  (value) => parsePermission(value) !== undefined,
  'must be permissions like "calls:read", "*:write" or "workflows/wf_42:read"',
);

/** A verify's `require`: a permission query or a list of permissions, by the parser the verifier reads it with. */
export const IsPermissionQuery = rule(
  'isPermissionQuery',
  (value) => parsePermissionQuery(value) !== undefined,
  `must be a permission query like "calls:read" or "(contacts:read OR contacts:write) AND workflows/wf_42:read" (at most ${MAX_PERMISSION_QUERY_LENGTH} characters, ${MAX_PERMISSION_QUERY_DEPTH} levels of parentheses), or a list of permissions; at most ${MAX_REQUIRED_PERMISSIONS} permissions`,
);

/** One IPv4 or IPv6 address, by the parser the verifier matches allowlists with. */
export const IsIpAddress = rule('isIpAddress', (value) => typeof value === 'string' && parseIpAddress(value) !== undefined, 'must be an IPv4 or IPv6 address, e.g. "203.0.113.7"');

/** Role ids (built-in or `role_…`); whether each exists is key-command's to say. */
export const IsRoleIdList = (): PropertyDecorator =>
  applyDecorators(IsArray(), ArrayMaxSize(MAX_KEY_ROLES), IsString({ each: true }), Length(1, MAX_ROLE_ID_LENGTH, { each: true }));

const IsIpAllowlistEntry = rule('isIpAllowlistEntry', isIpAllowlistEntry, 'must be IPv4 or IPv6 addresses or CIDR ranges, e.g. "203.0.113.7" or "2001:db8::/32"');

/** Left out or `null` (which a PATCH reads as "clear"): only a value present is validated. */
export const IsClearable = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);

/** IPv4 or IPv6 addresses and CIDR ranges, by the domain's parser (the one the verifier matches with). */
export const IsIpAllowlist = (): PropertyDecorator =>
  applyDecorators(IsArray(), ArrayMaxSize(MAX_IP_ALLOWLIST_ENTRIES), IsIpAllowlistEntry({ each: true }));

/** A nested `{ limit, windowSeconds }`. */
export const IsRateLimit = (type: () => new () => object): PropertyDecorator => applyDecorators(IsObject(), ValidateNested(), Type(type));

const isMeta = (value: unknown): boolean => {
  try {
    validMeta(value);
    return true;
  } catch {
    return false;
  }
};

/** Key or identity metadata, by the domain's rule (meta/json-meta.ts): a JSON object, size- and depth-limited. */
export const IsMeta = rule('isMeta', isMeta, `must be a JSON object of at most ${MAX_META_BYTES} bytes as JSON, nested at most ${MAX_META_DEPTH} levels`);
