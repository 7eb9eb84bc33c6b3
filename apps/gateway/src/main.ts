import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadConfig } from '@keyward/config';
import { runMain } from '@keyward/platform';
import { AppModule } from './app.module';
import { HttpExceptionFilter } from './errors/http-exception.filter';
import { createValidationPipe } from './errors/validation.pipe';
import { requestIdMiddleware } from './http/request-id.middleware';

runMain('gateway', async () => {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false });
  // Our own JSON parser, so its errors (bad JSON, too large) get the error format too.
  app.useBodyParser('json', { limit: '64kb' });
  app.use(requestIdMiddleware);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('Keyward admin API')
    .setDescription('Create, list, rotate and revoke API keys. Errors: { statusCode, code, message, details? }.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'the root key or an admin key' })
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi));
  await app.listen(config.gatewayPort, '0.0.0.0');
  new Logger('gateway').log(`listening on http://127.0.0.1:${config.gatewayPort} (docs at /docs)`);
});
