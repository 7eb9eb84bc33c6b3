import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { Subjects, type EventsAppended } from '@keyward/contracts';
import { positionToToken, type Position } from '@keyward/event-store';
import { BUS_CLIENT } from '@keyward/platform';

/** Tells followers at once that the history grew, so they need not wait for their next poll. */
@Injectable()
export class AppendedPublisher {
  constructor(@Inject(BUS_CLIENT) private readonly bus: ClientProxy) {}

  publish(position: Position): void {
    const message: EventsAppended = { position: positionToToken(position) };
    // A lost hint only delays followers until their next poll; the write itself has succeeded.
    this.bus.emit(Subjects.eventsAppended, message).subscribe({ error: () => undefined });
  }
}
