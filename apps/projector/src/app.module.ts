import { Module } from '@nestjs/common';
import { APPENDED_LISTENER, EventsAppendedController, EventStoreModule, PlatformModule, ReadModelModule } from '@keyward/platform';
import { ReadModelsProjector } from './read-models/read-models.projector';

@Module({
  imports: [PlatformModule, EventStoreModule, ReadModelModule],
  controllers: [EventsAppendedController],
  providers: [ReadModelsProjector, { provide: APPENDED_LISTENER, useExisting: ReadModelsProjector }],
})
export class AppModule {}
