import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { CreateKeyHttpController } from './create-key/create-key.http.controller';
import { GetKeyHttpController } from './get-key/get-key.http.controller';
import { ListKeysHttpController } from './list-keys/list-keys.http.controller';
import { RevokeKeyHttpController } from './revoke-key/revoke-key.http.controller';
import { RotateKeyHttpController } from './rotate-key/rotate-key.http.controller';

/** Reads come from the key table (KeyQueries, from the infrastructure); writes go to key-command. */
@Module({
  imports: [CommandsModule],
  controllers: [CreateKeyHttpController, ListKeysHttpController, GetKeyHttpController, RotateKeyHttpController, RevokeKeyHttpController],
})
export class KeysModule {}
