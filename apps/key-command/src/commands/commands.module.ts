import { Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { AccessPolicyLoader } from '../access/access-policy.loader';
import { AppendedPublisher } from './appended.publisher';
import { CommandHandler } from './command.handler';
import { UntrustedPayloadPipe } from './untrusted-payload.pipe';
import { IdempotentIds } from './idempotent-ids';

/**
 * What every command needs besides its aggregate: the command handler, the access policy, the bus
 * to announce appends on, and one check of every payload before a handler reads it.
 */
@Module({
  providers: [AppendedPublisher, CommandHandler, AccessPolicyLoader, IdempotentIds, { provide: APP_PIPE, useClass: UntrustedPayloadPipe }],
  exports: [CommandHandler, AccessPolicyLoader, IdempotentIds],
})
export class CommandsModule {}
