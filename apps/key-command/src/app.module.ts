import { Module } from '@nestjs/common';
import { EventStoreModule, PepperModule, PlatformModule } from '@keyward/platform';
import { KeysModule } from './keys/keys.module';

@Module({ imports: [PlatformModule, EventStoreModule, PepperModule, KeysModule] })
export class AppModule {}
