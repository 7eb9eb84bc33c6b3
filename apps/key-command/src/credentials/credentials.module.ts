import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { CredentialsMessageController } from './credentials.message.controller';
import { DeleteCredentialHandler } from './delete-credential/delete-credential.handler';
import { KnownPrincipalsLoader } from './known-principals.loader';
import { RotateCredentialValueHandler } from './rotate-credential-value/rotate-credential-value.handler';
import { SetCredentialSharingHandler } from './set-credential-sharing/set-credential-sharing.handler';
import { StoreCredentialHandler } from './store-credential/store-credential.handler';
import { UpdateCredentialHandler } from './update-credential/update-credential.handler';

/** Credentials arrive sealed by the gateway: nothing here ever holds a plain value. */
@Module({
  imports: [CommandsModule],
  controllers: [CredentialsMessageController],
  providers: [StoreCredentialHandler, UpdateCredentialHandler, RotateCredentialValueHandler, SetCredentialSharingHandler, DeleteCredentialHandler, KnownPrincipalsLoader],
})
export class CredentialsModule {}
