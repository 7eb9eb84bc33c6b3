import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { runMain } from '@keyward/platform';
import { AppModule } from './app.module';

runMain('key-command', async (logger) => {
  // No framework transport: commands are served on the raw NATS connection (`CommandResponder`), which keeps the process up.
  const app = await NestFactory.createApplicationContext(AppModule, { logger });
  app.enableShutdownHooks();
});
