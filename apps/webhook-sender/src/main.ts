import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { runMain } from '@keyward/platform';
import { AppModule } from './app.module';

runMain('webhook-sender', async (logger) => {
  // A follower and a delivery loop: no HTTP of its own besides the ops server.
  const app = await NestFactory.createApplicationContext(AppModule, { logger });
  app.enableShutdownHooks();
});
