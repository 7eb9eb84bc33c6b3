import { Module } from '@nestjs/common';
import { busClientProvider } from '@keyward/platform';
import { KeyCommandClient } from '../commands/key-command.client';
import { ConsistencyService } from '../consistency/consistency.service';
import { ReadModelsModule } from '../read-models/read-models.module';
import { CreateKeyHttpController } from './create-key/create-key.http.controller';
import { GetKeyHttpController } from './get-key/get-key.http.controller';
import { ListKeysHttpController } from './list-keys/list-keys.http.controller';
import { RevokeKeyHttpController } from './revoke-key/revoke-key.http.controller';
import { RotateKeyHttpController } from './rotate-key/rotate-key.http.controller';

@Module({
  imports: [ReadModelsModule],
  controllers: [CreateKeyHttpController, ListKeysHttpController, GetKeyHttpController, RotateKeyHttpController, RevokeKeyHttpController],
  providers: [busClientProvider, ConsistencyService, KeyCommandClient],
})
export class KeysModule {}
