import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

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
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config));
};
