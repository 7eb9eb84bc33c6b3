import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EventStore } from '@keyward/event-store';
import { CREDIT_BALANCES, EVENT_STORE, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { KeyAccessQueries, KeyStateQueries, type CreditBalances } from '@keyward/read-models';
import { CommandsModule } from '../commands/commands.module';
import { CreateKeyHttpController } from './create-key/create-key.http.controller';
import { DeleteKeyHttpController } from './delete-key/delete-key.http.controller';
import { GetKeyHttpController } from './get-key/get-key.http.controller';
import { GetKeyAccessHttpController } from './get-key-access/get-key-access.http.controller';
import { GetKeyUsageHttpController } from './get-key-usage/get-key-usage.http.controller';
import { KeyEditWriter } from './key-edit.writer';
import { ListKeysHttpController } from './list-keys/list-keys.http.controller';
import { RevokeKeyHttpController } from './revoke-key/revoke-key.http.controller';
import { RotateKeyHttpController } from './rotate-key/rotate-key.http.controller';
import { SetKeyEnabledHttpController } from './set-key-enabled/set-key-enabled.http.controller';
import { SetKeyPermissionsHttpController } from './set-key-permissions/set-key-permissions.http.controller';
import { SetKeyRolesHttpController } from './set-key-roles/set-key-roles.http.controller';
import { ShareResourceHttpController } from './share-resource/share-resource.http.controller';
import { UnshareResourceHttpController } from './unshare-resource/unshare-resource.http.controller';
import { UpdateKeyHttpController } from './update-key/update-key.http.controller';

/**
 * Lists come from the key table (KeyQueries, from the platform); one key comes from its own
 * history (KeyStateQueries), so a writer reads its write even while the projector lags, and so
 * does what it could do at a moment (KeyAccessQueries); writes go to key-command.
 */
@Module({
  imports: [CommandsModule],
  providers: [
    KeyEditWriter,
    {
      provide: KeyStateQueries,
      inject: [EVENT_STORE, READ_MODEL_DATA_SOURCE, CREDIT_BALANCES],
      useFactory: (store: EventStore, dataSource: DataSource, balances: CreditBalances) => new KeyStateQueries(store, dataSource, balances),
    },
    { provide: KeyAccessQueries, inject: [EVENT_STORE], useFactory: (store: EventStore) => new KeyAccessQueries(store) },
  ],
  controllers: [
    CreateKeyHttpController,
    ListKeysHttpController,
    GetKeyHttpController,
    GetKeyAccessHttpController,
    GetKeyUsageHttpController,
    RotateKeyHttpController,
    RevokeKeyHttpController,
    DeleteKeyHttpController,
    SetKeyRolesHttpController,
    SetKeyPermissionsHttpController,
    ShareResourceHttpController,
    UnshareResourceHttpController,
    UpdateKeyHttpController,
    SetKeyEnabledHttpController,
  ],
})
export class KeysModule {}
