import { JSONCodec } from 'nats';
import type { CommandReply } from '@keyward/contracts';

const json = JSONCodec<unknown>();

/**
 * Commands and their replies are plain JSON on the command's own subject (`CommandContract` in
 * @keyward/contracts names both shapes): no envelope, the subject routes.
 */
export const encodeCommandMessage = (message: unknown): Uint8Array => json.encode(message);

/** A command's body as sent, or `undefined` when it is not JSON: the receiver refuses that like any other malformed command. */
export const decodeCommand = (bytes: Uint8Array): unknown => {
  try {
    return json.decode(bytes);
  } catch {
    return undefined;
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const isCommandReply = (value: unknown): value is CommandReply<unknown> => {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'result' in value && typeof value.position === 'string';
  return value.ok === false && isRecord(value.error) && typeof value.error.code === 'string' && typeof value.error.message === 'string';
};

/** The answer on a command's subject was no command reply: a foreign responder or a broken body. */
export class CommandTransportError extends Error {
  override readonly name = 'CommandTransportError';
}

/** The command reply in an answer; its result is typed by the subject's contract where it is sent. */
export const decodeCommandReply = (bytes: Uint8Array): CommandReply<unknown> => {
  let reply: unknown;
  try {
    reply = json.decode(bytes);
  } catch {
    throw new CommandTransportError('a reply that is not JSON');
  }
  if (!isCommandReply(reply)) throw new CommandTransportError('a reply that is not a command reply');
  return reply;
};
