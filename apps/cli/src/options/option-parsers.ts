import { InvalidArgumentError } from 'commander';
import type { AccessLevel, ResourcePermissions } from '@keyward/contracts';
import { ACCESS_LEVELS, isAccessLevel, parseIsoDateTime } from '@keyward/domain';

/**
 * Commander parsers for option values: a bad value is a usage error (exit 2) before any request;
 * the gateway still validates everything (product.md section 7), these only catch typos early.
 */

/** A whole number from 0 up (`--limit`, `--grace-period`). */
export const wholeNumber = (value: string): number => {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('must be a whole number');
  return Number(value);
};

/**
 * A moment, by the gateway's own rule (ISO 8601 with a time zone, e.g. 2026-01-31T12:00:00Z): a
 * zone-less time would be read in this machine's zone, and an auditor asked about another moment.
 */
export const instant = (value: string): string => {
  const time = parseIsoDateTime(value);
  if (time === undefined) throw new InvalidArgumentError('must be an ISO 8601 time with a zone, e.g. 2026-01-31T12:00:00Z');
  return new Date(time).toISOString();
};

/** A repeatable option's values, in order. */
export const collect = (value: string, previous: readonly string[] = []): string[] => [...previous, value];

/** `--permission calls=read` (repeatable): the key's direct level on a resource type. */
export const permission = (value: string, previous: ResourcePermissions = {}): ResourcePermissions => {
  const [resource, level, ...rest] = value.split('=');
  if (!resource || rest.length || !isAccessLevel(level)) throw new InvalidArgumentError(`must be resource=level, the level one of ${ACCESS_LEVELS.join(', ')} (e.g. calls=read)`);
  const checked: AccessLevel = level;
  return { ...previous, [resource]: checked };
};
