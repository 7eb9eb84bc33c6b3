import { Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { BusClientModule } from '@keyward/platform';
import { AccessPolicyLoader } from '../access/access-policy.loader';
import { AppendedPublisher } from './appended.publisher';
import { CommandRunner } from './command.runner';
import { UntrustedPayloadPipe } from './untrusted-payload.pipe';
import { IdempotentIds } from './idempotent-ids';

/**
 * What every command handler needs besides its aggregate: the runner, the access policy, the bus
 * to announce appends on, and one check of every payload before a handler reads it.
 */
@Module({
  imports: [BusClientModule],
  providers: [AppendedPublisher, CommandRunner, AccessPolicyLoader, IdempotentIds, { provide: APP_PIPE, useClass: UntrustedPayloadPipe }],
  exports: [CommandRunner, AccessPolicyLoader, IdempotentIds],
})
export class CommandsModule {}
