import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { CreateIdentityHandler } from './create-identity.handler';
import { DeleteIdentityHandler } from './delete-identity.handler';
import { ExternalIdClaims } from './external-id-claims';
import { IdentitiesMessageController } from './identities.message.controller';
import { IdentityWrites } from './identity-writes';
import { LiveIdentities } from './live-identities';
import { UpdateIdentityHandler } from './update-identity.handler';

@Module({
  imports: [CommandsModule],
  controllers: [IdentitiesMessageController],
  providers: [ExternalIdClaims, IdentityWrites, LiveIdentities, CreateIdentityHandler, UpdateIdentityHandler, DeleteIdentityHandler],
  exports: [LiveIdentities],
})
export class IdentitiesModule {}
