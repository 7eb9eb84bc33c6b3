import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type OperationObject, type ResponseObject, type SchemaObject } from '@nestjs/swagger';
import { ErrorBodyDto } from './errors/error-body.response.dto';
import { WRITE_ERRORS, withErrors } from './errors/api-errors.decorator';
import { CONSISTENCY_ANSWER_HEADER } from './http/consistency.header';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency/idempotency-key.header';
import { REPLAYED_HEADER } from './idempotency/idempotency.interceptor';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from './session/session-cookie';

const WRITES = ['post', 'put', 'patch', 'delete'] as const;
const METHODS = ['get', ...WRITES] as const;

const IDEMPOTENCY_KEY_PARAMETER = {
  name: IDEMPOTENCY_KEY_HEADER,
  in: 'header',
  required: false,
  description: 'Within 24 hours a repeat with the same key and body answers the original status and body (a secret as null, with secretAlreadyShown) and writes nothing; the same key on another request answers 409 CONFLICT.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7e]+$' },
} as const;

const WRITE_ANSWER_HEADERS = {
  [REPLAYED_HEADER]: { description: 'the answer kept from the first request with this Idempotency-Key; nothing was written', schema: { type: 'string', enum: ['true'] } },
  ...CONSISTENCY_ANSWER_HEADER,
};

/**
 * Every authenticated write under /v1 passes the idempotency interceptor and key-command, for every controller
 * at once, so the document says what they add once here: the `Idempotency-Key` header, their
 * errors, and the headers of their answers.
 */
const asWrite = (operation: OperationObject): void => {
  // A route whose answers are never kept (`@NotIdempotent()`) refuses the header: not offered.
  const idempotent = !('x-not-idempotent' in operation && operation['x-not-idempotent'] === true);
  if (idempotent) operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_KEY_PARAMETER];
  const responses = withErrors(operation.responses as Record<string, ResponseObject>, WRITE_ERRORS);
  for (const [status, response] of Object.entries(responses)) {
    if (status.startsWith('2')) responses[status] = { ...response, headers: { ...response.headers, ...(idempotent ? WRITE_ANSWER_HEADERS : {}) } };
  }
  operation.responses = responses;
};

/**
 * Each route declares who may call it (`@RequirePermission`, `@RootOnly`, `@AnyKey`, `@Public`),
 * and with it the errors the guard and the middleware answer; a route without is a mistake that
 * stops the gateway at start rather than a document that lies.
 */
const assertDeclared = (path: string, method: string, operation: OperationObject): void => {
  const statuses = Object.keys(operation.responses);
  if (!statuses.includes('400') || !statuses.some((s) => s.startsWith('2'))) {
    throw new Error(`${method.toUpperCase()} ${path} declares no success answer or not who may call it (@RequirePermission, @RootOnly, @AnyKey or @Public)`);
  }
};

/** Answers carry no field the document does not name, and request bodies may not (the validation pipe refuses unknown fields). */
const closeObjects = (schemas: Record<string, SchemaObject>): void => {
  for (const schema of Object.values(schemas)) if (schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
};

const complete = (document: OpenAPIObject): OpenAPIObject => {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      assertDeclared(path, method, operation);
      // Idempotency is per caller: an unauthenticated route (sign-in, sign-out, the leak routes) has none.
      const authenticated = (operation.security?.length ?? 0) > 0;
      if (path.startsWith('/v1/') && authenticated && method !== 'get') asWrite(operation);
    }
  }
  closeObjects((document.components?.schemas ?? {}) as Record<string, SchemaObject>);
  return document;
};

/** The gateway's OpenAPI document, from its routes' metadata (no provider needs to be running: the console's build dumps it). */
export const createOpenApiDocument = (app: INestApplication): OpenAPIObject => {
  const config = new DocumentBuilder()
    .setTitle('Keyward admin API')
    .setDescription(
      'Keys, roles, shares, API key users and workspaces. Each operation names the permission its caller needs (`x-required-permission`) or that only the root key may call it (`x-root-only`). Every error answers { statusCode, code, message, details? }.',
    )
    .setVersion('1')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: `the console: set by POST /v1/session, named ${SECURE_SESSION_COOKIE} when Secure (always but over plain http to loopback); writes also need X-CSRF-Token` })
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'kw_<env>_… key, or the root key', description: "a key holding the operation's x-required-permission, or the root key" })
    .build();
  return complete(SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodyDto] }));
};

/** The OpenAPI UI at `/docs`, its document at `/docs-json`; built at start, so that a route that does not declare itself fails at once. */
export const setUpOpenApi = (app: INestApplication): void => {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app));
};
