import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CommandsModule } from '../commands/commands.module';
import { fingerprintKeyProvider } from './fingerprint-key.provider';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyPurge } from './idempotency-purge';

/** `Idempotency-Key` for every write route; the store (@keyward/idempotency) comes with ReadModelModule, in the same database. */
@Module({ imports: [CommandsModule], providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }, IdempotencyPurge, fingerprintKeyProvider] })
export class IdempotencyModule {}
