import { Module } from '@nestjs/common';
import { CreateKeyHandler } from './create-key/create-key.handler';
import { KeyCommandRunner } from './key-command.runner';
import { KeysMessageController } from './keys.message.controller';
import { RevokeKeyHandler } from './revoke-key/revoke-key.handler';
import { RotateKeyHandler } from './rotate-key/rotate-key.handler';
import { CommandsModule } from '../commands/commands.module';

@Module({
  imports: [CommandsModule],
  controllers: [KeysMessageController],
  providers: [KeyCommandRunner, CreateKeyHandler, RotateKeyHandler, RevokeKeyHandler],
})
export class KeysModule {}
