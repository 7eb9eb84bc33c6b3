import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { CreateKeyHandler } from './create-key/create-key.handler';
import { DeleteKeyHandler } from './delete-key/delete-key.handler';
import { KeyDecisions } from './key.decisions';
import { KeysMessageController } from './keys.message.controller';
import { RevokeKeyHandler } from './revoke-key/revoke-key.handler';
import { RotateKeyHandler } from './rotate-key/rotate-key.handler';
import { SetKeyPermissionsHandler } from './set-key-permissions/set-key-permissions.handler';
import { SetKeyRolesHandler } from './set-key-roles/set-key-roles.handler';
import { ShareResourceHandler } from './share-resource/share-resource.handler';
import { UnshareResourceHandler } from './unshare-resource/unshare-resource.handler';

@Module({
  imports: [CommandsModule],
  controllers: [KeysMessageController],
  providers: [
    KeyDecisions,
    CreateKeyHandler,
    RotateKeyHandler,
    RevokeKeyHandler,
    DeleteKeyHandler,
    SetKeyRolesHandler,
    SetKeyPermissionsHandler,
    ShareResourceHandler,
    UnshareResourceHandler,
  ],
  exports: [CreateKeyHandler],
})
export class KeysModule {}
