import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI UI at `/docs`, its document at `/docs-json`. */
export const setUpOpenApi = (app: INestApplication): void => {
  const config = new DocumentBuilder()
    .setTitle('Keyward admin API')
    .setDescription('Create, list, rotate and revoke API keys. Every error answers { statusCode, code, message, details? }.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'kw_<env>_… key, or the root key', description: 'a key holding api_keys:read (GET) or api_keys:write (POST), or the root key' })
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config));
};
