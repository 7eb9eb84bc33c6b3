import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { loadConfig, loadVerifierConfig } from '@keyward/config';
import { natsMicroserviceOptions, runMain } from '@keyward/platform';
import { AppModule } from './app.module';

runMain('verifier', async (logger) => {
  // First, so that a bad value stops the start with its name before anything connects.
  const verifier = loadVerifierConfig();
  // No queue group for this transport: every verifier must hear every "events appended" hint.
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(AppModule.withConfig(verifier), { ...natsMicroserviceOptions(loadConfig()), logger });
  app.enableShutdownHooks();
  await app.listen();
});
