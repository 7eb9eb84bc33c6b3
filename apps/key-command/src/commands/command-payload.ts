import { ErrorCodes, isIdempotencyKey, isRequestFingerprint, type CommandContext, type RequestIdempotency } from '@keyward/contracts';
import { DomainError } from '@keyward/domain';

/** Messages on the bus are untrusted input: shapes are checked here, business rules by the domain. */
export type Untrusted = Record<string, unknown>;

const invalid = (field: string, expected: string): DomainError =>
  new DomainError(ErrorCodes.validationFailed, `${field} must be ${expected}`, field);

export const asObject = (value: unknown, field: string): Untrusted => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(field, 'an object');
  return value as Untrusted;
};

export const asString = (value: unknown, field: string, maxLength = 1_000): string => {
  if (typeof value !== 'string' || value.length > maxLength) throw invalid(field, `a string of at most ${maxLength} characters`);
  return value;
};

export const optional = <T>(value: unknown, parse: (v: unknown) => T): T | undefined => (value === undefined ? undefined : parse(value));

const asIdempotency = (value: unknown): RequestIdempotency => {
  const o = asObject(value, 'context.idempotency');
  if (!isIdempotencyKey(o.key)) throw invalid('context.idempotency.key', 'at most 255 printable ASCII characters');
  if (!isRequestFingerprint(o.fingerprint)) throw invalid('context.idempotency.fingerprint', 'a SHA-256 in lowercase hex');
  return { key: o.key, fingerprint: o.fingerprint };
};

export const asCommandContext = (value: unknown): CommandContext => {
  const o = asObject(value, 'context');
  return {
    workspaceId: asString(o.workspaceId, 'context.workspaceId', 100),
    actor: asString(o.actor, 'context.actor', 100),
    correlationId: asString(o.correlationId, 'context.correlationId', 200),
    causationId: optional(o.causationId, (v) => asString(v, 'context.causationId', 200)),
    sourceIp: optional(o.sourceIp, (v) => asString(v, 'context.sourceIp', 100)),
    userAgent: optional(o.userAgent, (v) => asString(v, 'context.userAgent', 500)),
    grants: asStringArray(o.grants, 'context.grants', 500),
    operator: asBoolean(o.operator, 'context.operator'),
    ...(o.idempotency === undefined ? {} : { idempotency: asIdempotency(o.idempotency) }),
  };
};

export const asBoolean = (value: unknown, field: string): boolean => {
  if (typeof value !== 'boolean') throw invalid(field, 'true or false');
  return value;
};

export const asCount = (value: unknown, field: string): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw invalid(field, 'a whole number, 0 or more');
  return value;
};

export const asStringArray = (value: unknown, field: string, maxItems = 100): string[] => {
  if (!Array.isArray(value) || value.length > maxItems) throw invalid(field, `a list of at most ${maxItems} strings`);
  return value.map((v, i) => asString(v, `${field}[${i}]`, 200));
};
