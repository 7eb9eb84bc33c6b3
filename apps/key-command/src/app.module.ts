import { Module } from '@nestjs/common';
import { PlatformModule } from '@keyward/platform';
import { KeysModule } from './keys/keys.module';

@Module({ imports: [PlatformModule, KeysModule] })
export class AppModule {}
