import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { QueueGroups } from '@keyward/contracts';
import { loadConfig } from '@keyward/config';
import { natsMicroserviceOptions, runMain } from '@keyward/platform';
import { AppModule } from './app.module';

runMain('key-command', async (logger) => {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(AppModule, { ...natsMicroserviceOptions(loadConfig(), QueueGroups.keyCommand), logger });
  app.enableShutdownHooks();
  await app.listen();
});
