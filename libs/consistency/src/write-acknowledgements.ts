import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { Subjects, type WriteAcknowledged } from '@keyward/contracts';
import { positionFromToken, positionToToken, type Position } from '@keyward/event-store';

const codec = JSONCodec<WriteAcknowledged>();

/**
 * The writer's last word before it answers a write: published, then flushed, so that the server
 * has queued it for every verifier before the caller can send its next verify. A verifier gets it
 * ahead of that verify on a single server, since the server delivers to one connection in order.
 * Rejects when the bus did not confirm it (then verifiers were cut off too, and distrust
 * their index until they have read the store again).
 */
export const acknowledgeWrite = async (nats: NatsConnection, position: Position): Promise<void> => {
  nats.publish(Subjects.writeAcknowledged, codec.encode({ position: positionToToken(position) }));
  await nats.flush();
};

/** The verifier's side: every acknowledged position, parsed; anything else on the subject is ignored. */
export const onWriteAcknowledged = (nats: NatsConnection, handler: (position: Position) => void): Subscription =>
  nats.subscribe(Subjects.writeAcknowledged, {
    callback: (error, msg) => {
      if (error) return;
      let message: WriteAcknowledged | undefined;
      try {
        message = codec.decode(msg.data);
      } catch {
        return; // a stray message must not break the subscription
      }
      const position = positionFromToken(message?.position);
      if (position) handler(position);
    },
  });
