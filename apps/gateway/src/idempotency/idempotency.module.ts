import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CommandsModule } from '../commands/commands.module';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyPurge } from './idempotency-purge';

/** `Idempotency-Key` for every write route; the store (@keyward/idempotency) comes with ReadModelModule, in the same database. */
@Module({ imports: [CommandsModule], providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }, IdempotencyPurge] })
export class IdempotencyModule {}
