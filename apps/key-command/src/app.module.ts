import { Module } from '@nestjs/common';
import { EventStoreModule, PepperModule, PlatformModule } from '@keyward/platform';
import { KeysModule } from './keys/keys.module';
import { RolesModule } from './roles/roles.module';
import { WorkspacesModule } from './workspaces/workspaces.module';

@Module({ imports: [PlatformModule, EventStoreModule, PepperModule, KeysModule, RolesModule, WorkspacesModule] })
export class AppModule {}
