import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { Subjects, type EventsAppended, type WriteAcknowledged } from '@keyward/contracts';
import { positionFromToken, positionToToken, type Position } from '@keyward/event-store';

/** The subjects whose messages name one position of the history, in plain JSON on raw connections. */
type PositionSubject = typeof Subjects.eventsAppended | typeof Subjects.writeAcknowledged;
type PositionNotice = EventsAppended & WriteAcknowledged;

const codec = JSONCodec<PositionNotice>();

export const publishPositionNotice = (nats: NatsConnection, subject: PositionSubject, position: Position): void =>
  nats.publish(subject, codec.encode({ position: positionToToken(position) }));

/** Every position named on `subject`, parsed; anything else on the subject is ignored. */
export const onPositionNotice = (nats: NatsConnection, subject: PositionSubject, handler: (position: Position) => void): Subscription =>
  nats.subscribe(subject, {
    callback: (error, msg) => {
      if (error) return;
      let message: PositionNotice | undefined;
      try {
        message = codec.decode(msg.data);
      } catch {
        return; // a stray message must not break the subscription
      }
      const position = positionFromToken(message?.position);
      if (position) handler(position);
    },
  });

/** A follower's side of key-command's notice that the history grew (a hint: the poll is the guarantee). */
export const onEventsAppended = (nats: NatsConnection, handler: (head: Position) => void): Subscription =>
  onPositionNotice(nats, Subjects.eventsAppended, handler);
