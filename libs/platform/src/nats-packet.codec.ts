import { randomUUID } from 'node:crypto';
import { JSONCodec } from 'nats';
import type { CommandReply } from '@keyward/contracts';

const json = JSONCodec<unknown>();

/**
 * The packet `@nestjs/microservices`' NATS server (key-command) reads: it routes by subject, and
 * answers only a packet with an id (without one it is an event).
 */
export const encodeCommandPacket = (subject: string, data: unknown): Uint8Array => json.encode({ pattern: subject, data, id: randomUUID() });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const isCommandReply = (value: unknown): value is CommandReply<unknown> => {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'result' in value && typeof value.position === 'string';
  return value.ok === false && isRecord(value.error) && typeof value.error.code === 'string' && typeof value.error.message === 'string';
};

/** The server's answer `{response, err, id, isDisposed}` carried no command reply: a transport error (no handler) or a foreign body. */
export class CommandTransportError extends Error {
  override readonly name = 'CommandTransportError';
}

/** The command reply inside the server's answer; its result is typed by the subject's contract where it is sent. */
export const decodeCommandReply = (bytes: Uint8Array): CommandReply<unknown> => {
  let packet: unknown;
  try {
    packet = json.decode(bytes);
  } catch {
    throw new CommandTransportError('a reply that is not JSON');
  }
  if (!isRecord(packet)) throw new CommandTransportError('a reply that is not a packet');
  // The transport's own error (e.g. no handler for the subject) is a string it chose: no payload in it.
  if (packet.err !== undefined && packet.err !== null) throw new CommandTransportError(`transport error ${JSON.stringify(packet.err)}`);
  if (!isCommandReply(packet.response)) throw new CommandTransportError('a reply without a command reply');
  return packet.response;
};
