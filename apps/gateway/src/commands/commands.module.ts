import { Module } from '@nestjs/common';
import { BusClientModule } from '@keyward/platform';
import { ConsistencyService } from '../consistency/consistency.service';
import { CommandClient } from './command.client';

@Module({
  imports: [BusClientModule],
  providers: [ConsistencyService, CommandClient],
  exports: [CommandClient],
})
export class CommandsModule {}
