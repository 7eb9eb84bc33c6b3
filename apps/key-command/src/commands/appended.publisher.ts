import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { publishPositionNotice } from '@keyward/consistency';
import { Subjects } from '@keyward/contracts';
import { isBeyond, type Position } from '@keyward/event-store';
import { NATS_CONNECTION } from '@keyward/platform';

/**
 * Tells followers at once that the history grew, so they need not wait for their next poll. An
 * append is noted, and announced at `flush`, which the responder calls right after the command's
 * reply: both then leave in one write to the server (nats.js flushes once per microtask turn), and
 * appends noted meanwhile by other commands share the one notice of the highest position.
 */
@Injectable()
export class AppendedPublisher {
  private readonly logger = new Logger(AppendedPublisher.name);
  private pending: Position | undefined;

  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection) {}

  publish(position: Position): void {
    if (this.pending === undefined || isBeyond(position, this.pending)) this.pending = position;
  }

  flush(): void {
    const position = this.pending;
    if (position === undefined) return;
    this.pending = undefined;
    try {
      publishPositionNotice(this.nats, Subjects.eventsAppended, position);
    } catch (error) {
      // A lost hint only delays followers until their next poll; the write itself has succeeded.
      this.logger.warn(`appended notice not sent: ${error instanceof Error ? error.name : 'unknown error'}`);
    }
  }
}
