import { randomUUID } from 'node:crypto';
import type { IncomingEvent, IncomingRequest } from '@nestjs/microservices';
// The deserializers are public API (`@publicApi`) but not re-exported from the package root.
import { NatsRequestJSONDeserializer } from '@nestjs/microservices/deserializers';

/**
 * NestJS's NATS deserializer throws on a body that is not JSON, outside any handler or filter,
 * and the rejection ends the process. This one hands such a message on with no data instead, so
 * the handler answers it like any other malformed command (or an event listener ignores it).
 */
export class TolerantNatsDeserializer extends NatsRequestJSONDeserializer {
  override deserialize(value: Uint8Array, options?: Record<string, unknown>): IncomingRequest | IncomingEvent {
    try {
      return super.deserialize(value, options);
    } catch {
      return { id: randomUUID(), pattern: options?.channel, data: undefined };
    }
  }
}
