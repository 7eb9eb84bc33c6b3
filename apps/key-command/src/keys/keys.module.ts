import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { IdentitiesModule } from '../identities/identities.module';
import { CreateKeyHandler } from './create-key/create-key.handler';
import { DeleteKeyHandler } from './delete-key/delete-key.handler';
import { EditKeyAccessHandler } from './edit-key-access/edit-key-access.handler';
import { KeysMessageController } from './keys.message.controller';
import { ReportKeyLeakHandler } from './report-key-leak/report-key-leak.handler';
import { RevokeKeyHandler } from './revoke-key/revoke-key.handler';
import { RotateKeyHandler } from './rotate-key/rotate-key.handler';
import { SetKeyEnabledHandler } from './set-key-enabled/set-key-enabled.handler';
import { UpdateKeyHandler } from './update-key/update-key.handler';

@Module({
  imports: [CommandsModule, IdentitiesModule],
  controllers: [KeysMessageController],
  providers: [CreateKeyHandler, RotateKeyHandler, RevokeKeyHandler, DeleteKeyHandler, EditKeyAccessHandler, UpdateKeyHandler, ReportKeyLeakHandler, SetKeyEnabledHandler],
  exports: [CreateKeyHandler],
})
export class KeysModule {}
