import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency/idempotency-key.header';

const WRITES = ['post', 'put', 'patch', 'delete'] as const;

/** Every write accepts `Idempotency-Key`: one interceptor serves them all, so the document says it once here. */
const withIdempotencyKey = (document: OpenAPIObject): OpenAPIObject => {
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const operation of WRITES.map((method) => item[method])) {
      if (!operation) continue;
      operation.parameters = [
        ...(operation.parameters ?? []),
        {
          name: IDEMPOTENCY_KEY_HEADER,
          in: 'header',
          required: false,
          description: 'Within 24 hours a repeat with the same key and body answers the original status and body (a secret as null, with secretAlreadyShown) and writes nothing; the same key on another request answers 409 CONFLICT.',
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7e]+$' },
        },
      ];
    }
  }
  return document;
};

/** The OpenAPI UI at `/docs`, its document at `/docs-json`. */
export const setUpOpenApi = (app: INestApplication): void => {
  const config = new DocumentBuilder()
    .setTitle('Keyward admin API')
    .setDescription(
      'Keys, roles, shares, API key users and workspaces. Each operation names the permission its caller needs (`x-required-permission`) or that only the root key may call it (`x-root-only`). Every error answers { statusCode, code, message, details? }.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'kw_<env>_… key, or the root key', description: "a key holding the operation's x-required-permission, or the root key" })
    .build();
  SwaggerModule.setup('docs', app, () => withIdempotencyKey(SwaggerModule.createDocument(app, config)));
};
