import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { Subjects, type EventsAppended } from '@keyward/contracts';
import { positionToToken, type Position } from '@keyward/event-store';
import { encodeEventPacket, NATS_CONNECTION } from '@keyward/platform';

/** Tells followers at once that the history grew, so they need not wait for their next poll. */
@Injectable()
export class AppendedPublisher {
  private readonly logger = new Logger(AppendedPublisher.name);

  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection) {}

  publish(position: Position): void {
    const message: EventsAppended = { position: positionToToken(position) };
    try {
      this.nats.publish(Subjects.eventsAppended, encodeEventPacket(Subjects.eventsAppended, message));
    } catch (error) {
      // A lost hint only delays followers until their next poll; the write itself has succeeded.
      this.logger.warn(`appended notice not sent: ${error instanceof Error ? error.name : 'unknown error'}`);
    }
  }
}
