import { Module } from '@nestjs/common';
import { BusClientModule } from '@keyward/platform';
import { AppendedPublisher } from './appended.publisher';

/** What every command handler needs besides its aggregate: the bus to announce appends on. */
@Module({
  imports: [BusClientModule],
  providers: [AppendedPublisher],
  exports: [AppendedPublisher],
})
export class CommandsModule {}
