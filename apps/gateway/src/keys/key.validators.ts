import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import type { AccessLevel } from '@keyward/contracts';
import { ACCESS_LEVELS } from '@keyward/domain';

/** An ISO 8601 date-time later than now (checked again by the domain when the command runs). */
export const IsFutureDateTime = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isFutureDateTime',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && Date.parse(value) > Date.now(),
        defaultMessage: buildMessage((prefix) => `${prefix}$property must be a date-time in the future`, options),
      },
    },
    options,
  );

const RESOURCE = /^[a-z][a-z0-9_]{0,62}$/;
const MAX_RESOURCES = 100;

const isResourcePermissions = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length <= MAX_RESOURCES &&
  Object.entries(value).every(([resource, level]) => RESOURCE.test(resource) && ACCESS_LEVELS.includes(level as AccessLevel));

/** `{ resource: "none" | "read" | "write" }`, resource names as in the catalogue. */
export const IsResourcePermissions = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isResourcePermissions',
      validator: {
        validate: isResourcePermissions,
        defaultMessage: buildMessage(
          (prefix) => `${prefix}$property must map at most ${MAX_RESOURCES} lowercase resource names to "none", "read" or "write"`,
          options,
        ),
      },
    },
    options,
  );
