import { Module } from '@nestjs/common';
import { APPENDED_LISTENER, EventsAppendedController, EventStoreModule, PlatformModule, ReadModelModule } from '@keyward/platform';
import { KeyTableProjector } from './key-table/key-table.projector';

@Module({
  imports: [PlatformModule, EventStoreModule, ReadModelModule],
  controllers: [EventsAppendedController],
  providers: [KeyTableProjector, { provide: APPENDED_LISTENER, useExisting: KeyTableProjector }],
})
export class AppModule {}
