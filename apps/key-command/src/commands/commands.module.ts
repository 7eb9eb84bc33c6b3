import { Module } from '@nestjs/common';
import { BusClientModule } from '@keyward/platform';
import { AccessPolicyLoader } from '../access/access-policy.loader';
import { AppendedPublisher } from './appended.publisher';
import { CommandRunner } from './command.runner';
import { IdempotentIds } from './idempotent-ids';

/** What every command handler needs besides its aggregate: the runner, the access policy, the bus to announce appends on. */
@Module({
  imports: [BusClientModule],
  providers: [AppendedPublisher, CommandRunner, AccessPolicyLoader, IdempotentIds],
  exports: [CommandRunner, AccessPolicyLoader, IdempotentIds],
})
export class CommandsModule {}
