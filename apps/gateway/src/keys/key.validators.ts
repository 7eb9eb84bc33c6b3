import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import type { AccessLevel } from '@keyward/contracts';

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

const LEVELS: readonly AccessLevel[] = ['none', 'read', 'write'];
const RESOURCE = /^[a-z][a-z0-9_]{0,62}$/;

/** `{ resource: "none" | "read" | "write" }` with resource names as in the catalogue. */
export const IsResourcePermissions = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isResourcePermissions',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 100 &&
          Object.entries(value).every(([resource, level]) => RESOURCE.test(resource) && LEVELS.includes(level as AccessLevel)),
        defaultMessage: buildMessage(
          (prefix) => `${prefix}$property must map resource names (lowercase) to "none", "read" or "write"`,
          options,
        ),
      },
    },
    options,
  );
