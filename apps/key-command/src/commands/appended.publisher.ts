import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { publishPositionNotice } from '@keyward/consistency';
import { Subjects } from '@keyward/contracts';
import type { Position } from '@keyward/event-store';
import { NATS_CONNECTION } from '@keyward/platform';

/** Tells followers at once that the history grew, so they need not wait for their next poll. */
@Injectable()
export class AppendedPublisher {
  private readonly logger = new Logger(AppendedPublisher.name);

  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection) {}

  publish(position: Position): void {
    try {
      publishPositionNotice(this.nats, Subjects.eventsAppended, position);
    } catch (error) {
      // A lost hint only delays followers until their next poll; the write itself has succeeded.
      this.logger.warn(`appended notice not sent: ${error instanceof Error ? error.name : 'unknown error'}`);
    }
  }
}
