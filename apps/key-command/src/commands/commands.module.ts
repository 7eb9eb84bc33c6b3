import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccessPolicyLoader } from '../access/access-policy.loader';
import { AppendedPublisher } from './appended.publisher';
import { CommandHandler } from './command.handler';
import { CommandMetrics } from './command.metrics';
import { CommandResponder } from './command.responder';
import { IdempotentIds } from './idempotent-ids';

/**
 * What every command needs besides its aggregate: the command handler, the access policy, the bus
 * to announce appends on, and the responder that serves every `@CommandEndpoint` over NATS.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [AppendedPublisher, CommandHandler, AccessPolicyLoader, IdempotentIds, CommandMetrics, CommandResponder],
  exports: [CommandHandler, AccessPolicyLoader, IdempotentIds, AppendedPublisher],
})
export class CommandsModule {}
