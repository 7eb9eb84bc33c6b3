import { Module } from '@nestjs/common';
import { APPENDED_LISTENER, EventsAppendedController, EventStoreModule, PepperModule, PlatformModule } from '@keyward/platform';
import { EventFollower } from './follow/event-follower.service';
import { Freshness } from './freshness/freshness';
import { KeyIndex } from './key-index/key-index';
import { VerifyResponder } from './verify/verify.responder';

/** How long a verifier may go without reaching the head of the history before it stops answering. */
const STALE_AFTER_MS = Number(process.env.KEYWARD_VERIFIER_STALE_MS ?? 2_000);

@Module({
  imports: [PlatformModule, EventStoreModule, PepperModule],
  controllers: [EventsAppendedController],
  providers: [KeyIndex, { provide: Freshness, useFactory: () => new Freshness(STALE_AFTER_MS) }, EventFollower, { provide: APPENDED_LISTENER, useExisting: EventFollower }, VerifyResponder],
})
export class AppModule {}
