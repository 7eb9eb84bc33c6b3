import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Subjects, type EventsAppended } from '@keyward/contracts';
import { positionFromToken, type Position } from '@keyward/event-store';

/** Whatever follows the history and wants to hear at once that events were appended. */
export interface AppendedListener {
  noteAppended(head: Position): void;
}

export const APPENDED_LISTENER = Symbol('APPENDED_LISTENER');

/** Followers import this controller and provide `APPENDED_LISTENER`. */
@Controller()
export class EventsAppendedController {
  constructor(@Inject(APPENDED_LISTENER) private readonly listener: AppendedListener) {}

  @EventPattern(Subjects.eventsAppended)
  onAppended(@Payload() message: EventsAppended | undefined): void {
    const head = positionFromToken(message?.position);
    if (head) this.listener.noteAppended(head);
  }
}
