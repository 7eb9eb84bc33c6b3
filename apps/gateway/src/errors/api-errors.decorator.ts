import { ErrorCodes, type ErrorCode } from '@keyward/contracts';
import { ApiResponse, getSchemaPath, type ResponseObject, type SchemaObject } from '@nestjs/swagger';
import { RETRY_AFTER_SECONDS } from './http-exception.filter';
import { STATUS_OF } from './api-error';
import { ErrorBodyDto } from './error-body.response.dto';

/** What main.ts's middleware refuses before any route runs: a body that is not JSON as declared, too large, or breaks the input rules. */
export const REQUEST_ERRORS: readonly ErrorCode[] = [ErrorCodes.validationFailed, ErrorCodes.payloadTooLarge];

/**
 * What BearerAuthGuard answers on every route that takes a key: two Authorization headers (400), no
 * valid key, a plan without API access, a key used from outside its IP allowlist (403) or over its
 * rate limit (429), no verifier.
 */
export const AUTHENTICATION_ERRORS: readonly ErrorCode[] = [
  ...REQUEST_ERRORS,
  ErrorCodes.unauthenticated,
  ErrorCodes.planUpgradeRequired,
  ErrorCodes.forbidden,
  ErrorCodes.rateLimited,
  ErrorCodes.unavailable,
];

/** A key that is valid but may not call the route. */
export const PERMISSION_ERRORS: readonly ErrorCode[] = [...AUTHENTICATION_ERRORS, ErrorCodes.forbidden];

/**
 * What every write under /v1 may answer, whatever the route: a bad `Idempotency-Key` (400), that
 * key reused or a concurrent change (409 CONFLICT), key-command or the idempotency record out of reach (503).
 */
export const WRITE_ERRORS: readonly ErrorCode[] = [ErrorCodes.validationFailed, ErrorCodes.conflict, ErrorCodes.unavailable];

const WHAT: Readonly<Record<number, string>> = {
  400: 'the request is not valid',
  401: 'no valid key',
  402: "the workspace's plan does not include this",
  403: 'the key may not do this',
  404: 'not found (or of another workspace)',
  409: 'in conflict with the current state',
  413: 'the request body is too large',
  429: 'too many requests',
  500: 'internal error',
  502: 'the third party could not be reached or gave no usable answer',
  503: 'a service Keyward depends on is unavailable; retry after Retry-After seconds',
  504: 'the third party did not answer in time',
};

/** The statuses the codes answer with, each with its codes, in status order. */
const byStatus = (codes: readonly ErrorCode[]): Map<number, ErrorCode[]> => {
  const grouped = new Map<number, ErrorCode[]>();
  for (const code of [...new Set(codes)].sort()) grouped.set(STATUS_OF[code], [...(grouped.get(STATUS_OF[code]) ?? []), code]);
  return new Map([...grouped].sort(([a], [b]) => a - b));
};

/** The error body narrowed to the codes this status carries here, so a client can switch on them. */
const errorSchema = (status: number, codes: readonly ErrorCode[]): SchemaObject => ({
  allOf: [{ $ref: getSchemaPath(ErrorBodyDto) }, { type: 'object', properties: { statusCode: { type: 'integer', enum: [status] }, code: { type: 'string', enum: [...codes] } } }],
});

const retryAfter = (status: number): Pick<ResponseObject, 'headers'> =>
  status === 503 || status === 429 ? { headers: { 'Retry-After': { required: true, description: 'seconds to wait before retrying', schema: { type: 'integer', example: RETRY_AFTER_SECONDS } } } } : {};

const union = (a: readonly ErrorCode[], b: readonly ErrorCode[]): ErrorCode[] => [...new Set([...a, ...b])].sort();

/** The error codes an error response of ours declares: the inverse of `errorSchema`. */
const codesOf = (response: ResponseObject | undefined): ErrorCode[] => {
  const schema = response?.content?.['application/json']?.schema;
  const narrowed = schema && 'allOf' in schema ? schema.allOf?.[1] : undefined;
  const code = narrowed && 'properties' in narrowed ? narrowed.properties?.code : undefined;
  return code && 'enum' in code ? ((code.enum ?? []) as ErrorCode[]) : [];
};

/** An operation's `responses` with `codes` added to its error responses, each status once. */
export const withErrors = (responses: Readonly<Record<string, ResponseObject>>, codes: readonly ErrorCode[]): Record<string, ResponseObject> => {
  const merged: Record<string, ResponseObject> = { ...responses };
  for (const [status, own] of byStatus(codes)) {
    // A route's own description of the status stays; the codes add up.
    merged[status] = { description: responses[status]?.description ?? WHAT[status], content: { 'application/json': { schema: errorSchema(status, union(codesOf(responses[status]), own)) } }, ...retryAfter(status) };
  }
  return merged;
};

const DECLARED = Symbol('keyward:declared-errors');

/**
 * Declares the errors a route answers, with the section 7 error body narrowed to their codes. Used
 * by the auth decorators for what every route of their kind answers, and by a route for its own;
 * the codes of one status add up, however many decorators name them.
 */
export const ApiErrors =
  (...codes: readonly ErrorCode[]): MethodDecorator =>
  (target, key, descriptor) => {
    const handler = descriptor.value as object;
    const declared = (Reflect.getMetadata(DECLARED, handler) as ReadonlyMap<number, readonly ErrorCode[]> | undefined) ?? new Map<number, readonly ErrorCode[]>();
    const next = new Map(declared);
    for (const [status, own] of byStatus(codes)) {
      const all = union(declared.get(status) ?? [], own);
      next.set(status, all);
      // Swagger joins the descriptions of one status and keeps the last schema: describe it once, narrow it to every code named so far.
      ApiResponse({ status, description: declared.has(status) ? '' : WHAT[status], schema: errorSchema(status, all), ...retryAfter(status) })(target, key, descriptor);
    }
    Reflect.defineMetadata(DECLARED, next, handler);
  };
