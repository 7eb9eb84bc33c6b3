import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsString, Length, ValidateBy, ValidateNested, buildMessage, type ValidationOptions } from 'class-validator';
import { assertCredentialValue, isCredentialLocation, MAX_ALLOWED_HOSTS, MAX_CREDENTIAL_VALUE_LENGTH, MAX_PARAMETER_NAME_LENGTH, MAX_SHARED_PRINCIPALS, normaliseHost, VALUE_NOT_HEADER_TEXT, valueFitsLocation } from '@keyward/domain';

const rule =
  (name: string, test: (value: unknown) => boolean, message: string) =>
  (options?: ValidationOptions): PropertyDecorator =>
    ValidateBy({ name, validator: { validate: test, defaultMessage: buildMessage((prefix) => `${prefix}$property ${message}`, options) } }, options);

const isCredentialValue = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  try {
    assertCredentialValue(value);
    return true;
  } catch {
    return false;
  }
};

/** The domain's rule for a value, checked before it is sealed; the message never repeats the value. */
export const IsCredentialValue = rule('isCredentialValue', isCredentialValue, `must be a string of 1 to ${MAX_CREDENTIAL_VALUE_LENGTH} characters without control characters`);

/** On `value`, beside a `location`: the domain's rule of what that location can carry (an unknown location is `location`'s own failure). */
export const FitsItsLocation = (): PropertyDecorator =>
  ValidateBy({
    name: 'fitsItsLocation',
    validator: {
      validate: (value: unknown, args) => {
        const location: unknown = (args?.object as { location?: unknown } | undefined)?.location;
        return typeof value !== 'string' || !isCredentialLocation(location) || valueFitsLocation(location, value);
      },
      defaultMessage: () => VALUE_NOT_HEADER_TEXT,
    },
  });

const IsAllowedHost = rule('isAllowedHost', (value) => typeof value === 'string' && normaliseHost(value) !== undefined, 'must be hostnames or IP addresses (IPv6 in brackets), optionally with :port, without scheme, path or wildcard');

/** 1 to 20 hosts by the domain's rule; normalised by key-command. */
export const IsAllowedHosts = (): PropertyDecorator => applyDecorators(IsArray(), ArrayMinSize(1), ArrayMaxSize(MAX_ALLOWED_HOSTS), IsAllowedHost({ each: true }));

/** Its rule depends on the location, so key-command (the domain) checks it; here only its size. */
export const IsParameterName = (): PropertyDecorator => applyDecorators(IsString(), Length(1, MAX_PARAMETER_NAME_LENGTH));

/** Key or role ids; whether each exists in the workspace is key-command's to say. */
export const IsPrincipalIdList = (): PropertyDecorator => applyDecorators(IsArray(), ArrayMaxSize(MAX_SHARED_PRINCIPALS), IsString({ each: true }), Length(1, 100, { each: true }));

export const IsSharing = (type: () => new () => object): PropertyDecorator => applyDecorators(IsObject(), ValidateNested(), Type(type));
