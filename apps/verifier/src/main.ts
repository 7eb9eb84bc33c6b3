import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadVerifierConfig } from '@keyward/config';
import { runMain } from '@keyward/platform';
import { AppModule } from './app.module';

runMain('verifier', async (logger) => {
  // First, so that a bad value stops the start with its name before anything connects.
  const verifier = loadVerifierConfig();
  // Requests and notices arrive on the raw NATS connection, which keeps the process up: no framework transport.
  const app = await NestFactory.createApplicationContext(AppModule.withConfig(verifier), { logger });
  app.enableShutdownHooks();
});
