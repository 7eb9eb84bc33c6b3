import { Module } from '@nestjs/common';
import type { EventStore } from '@keyward/event-store';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { IdentityQueries, IdentityStateQueries } from '@keyward/read-models';
import { CommandsModule } from '../commands/commands.module';
import { CreateIdentityHttpController } from './create-identity.http.controller';
import { DeleteIdentityHttpController } from './delete-identity.http.controller';
import { GetIdentityHttpController } from './get-identity.http.controller';
import { IdentityViews } from './identity-views';
import { IdentityWriter } from './identity.writer';
import { ListIdentitiesHttpController } from './list-identities.http.controller';
import { UpdateIdentityHttpController } from './update-identity.http.controller';

/** Reads come from the identity table (key counts from the key table); writes go to key-command and answer the identity from its own history. */
@Module({
  imports: [CommandsModule],
  providers: [
    IdentityViews,
    IdentityWriter,
    { provide: IdentityStateQueries, inject: [EVENT_STORE], useFactory: (store: EventStore) => new IdentityStateQueries(store) },
    { provide: IdentityQueries, inject: [READ_MODEL_DATA_SOURCE], useFactory: (dataSource: DataSource) => new IdentityQueries(dataSource) },
  ],
  controllers: [ListIdentitiesHttpController, GetIdentityHttpController, CreateIdentityHttpController, UpdateIdentityHttpController, DeleteIdentityHttpController],
})
export class IdentitiesModule {}
