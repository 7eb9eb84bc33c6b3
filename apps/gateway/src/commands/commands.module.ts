import { Module } from '@nestjs/common';
import { BusClientModule } from '@keyward/platform';
import { ConsistencyService } from '../consistency/consistency.service';
import { KeyCommandClient } from './key-command.client';

@Module({
  imports: [BusClientModule],
  providers: [ConsistencyService, KeyCommandClient],
  exports: [KeyCommandClient],
})
export class CommandsModule {}
