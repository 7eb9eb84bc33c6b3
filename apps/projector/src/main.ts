import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { runMain } from '@keyward/platform';
import { AppModule } from './app.module';

runMain('projector', async (logger) => {
  // Notices arrive on the raw NATS connection, which keeps the process up: no framework transport.
  const app = await NestFactory.createApplicationContext(AppModule, { logger });
  app.enableShutdownHooks();
});
