import { Module } from '@nestjs/common';
import { BusClientModule } from '@keyward/platform';
import { BarrierMetrics } from '../consistency/barrier.metrics';
import { ConsistencyService } from '../consistency/consistency.service';
import { CommandClient } from './command.client';

@Module({
  imports: [BusClientModule],
  providers: [BarrierMetrics, ConsistencyService, CommandClient],
  exports: [CommandClient, ConsistencyService],
})
export class CommandsModule {}
