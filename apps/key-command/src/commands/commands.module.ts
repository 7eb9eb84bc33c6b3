import { Module } from '@nestjs/common';
import { busClientProvider } from '@keyward/platform';
import { AppendedPublisher } from './appended.publisher';

/** What every command handler needs besides its aggregate: the bus to announce appends on. */
@Module({
  providers: [busClientProvider, AppendedPublisher],
  exports: [AppendedPublisher],
})
export class CommandsModule {}
