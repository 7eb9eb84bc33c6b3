import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { loadExampleConfig } from './example.config';

const bootstrap = async (): Promise<void> => {
  process.title = 'example-calls-service';
  const config = loadExampleConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(config), { abortOnError: false });
  app.disable('x-powered-by');
  // SIGTERM closes the app, and with it the module's NATS connection.
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  new Logger('example-calls-service').log(`listening on http://127.0.0.1:${config.port}`);
};

bootstrap().catch((error: unknown) => {
  // The reason, not a stack dump: it is usually "NATS is not reachable".
  new Logger('example-calls-service').error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
