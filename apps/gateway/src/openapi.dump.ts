import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { createOpenApiDocument } from './openapi';

/**
 * Writes the gateway's OpenAPI document to the file named by the first argument, for the console's
 * generated client. `preview` builds the module graph without instantiating a provider, so nothing
 * connects to PostgreSQL or NATS and no port is opened: the build needs no running service.
 */
const main = async (target: string): Promise<void> => {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  writeFileSync(target, `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`);
  await app.close();
};

const target = process.argv[2];
if (!target) throw new Error('usage: node openapi.dump.js <file.json>');
void main(target);
