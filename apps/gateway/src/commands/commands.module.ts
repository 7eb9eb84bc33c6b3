import { Module } from '@nestjs/common';
import { BarrierMetrics } from '../consistency/barrier.metrics';
import { ConsistencyService } from '../consistency/consistency.service';
import { CommandClient } from './command.client';

@Module({
  providers: [BarrierMetrics, ConsistencyService, CommandClient],
  exports: [CommandClient, ConsistencyService],
})
export class CommandsModule {}
