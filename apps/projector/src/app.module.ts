import { Module } from '@nestjs/common';
import { APPENDED_LISTENER, EventsAppendedController, PlatformModule } from '@keyward/platform';
import { KeyTableProjector } from './key-table/key-table.projector';
import { readModelDataSourceProvider } from './read-model.data-source.provider';

@Module({
  imports: [PlatformModule],
  controllers: [EventsAppendedController],
  providers: [readModelDataSourceProvider, KeyTableProjector, { provide: APPENDED_LISTENER, useExisting: KeyTableProjector }],
})
export class AppModule {}
