import { KeyEnvironments, type AccessLevel, type KeyEnvironment, type Share } from '@keyward/contracts';
import { isResourceName } from '../permissions/permission';

/**
 * The values a key is made of, as predicates every layer asks (the gateway's validators, the
 * domain's rules, the verifier's event parser), so that each rule is written once.
 */

export const ACCESS_LEVELS: readonly AccessLevel[] = ['none', 'read', 'write'];

export const isAccessLevel = (value: unknown): value is AccessLevel => ACCESS_LEVELS.includes(value as AccessLevel);

/** What a key's levels may name: a resource type, or `*` for every resource type (product.md section 2). */
export const isLevelResource = (resource: string): boolean => resource === '*' || isResourceName(resource);

export const isKeyEnvironment = (value: unknown): value is KeyEnvironment => KeyEnvironments.includes(value as KeyEnvironment);

/** A key holds at most one share per instance: sharing it again replaces that share. */
export const isShareOf = (share: Share, resource: string, resourceId: string): boolean => share.resource === resource && share.resourceId === resourceId;
