import { JSONCodec, type NatsConnection, type RequestOptions } from 'nats';
import type { CommandReply } from '@keyward/contracts';
import type { NatsLinkState } from '@keyward/platform';

const json = JSONCodec<unknown>();

export type Answer = (subject: string, data: Uint8Array, options: RequestOptions) => Promise<{ readonly data: Uint8Array }>;

/** key-command answering `reply`, plain JSON as its responder does. */
export const answering =
  (reply: CommandReply<unknown>): Answer =>
  async () => ({ data: json.encode(reply) });

/** A NATS connection whose requests `answer` gives the reply of, recording what was sent; `connected` false: it is reconnecting. */
export const fakeKeyCommand = (answer: Answer, connected = true) => {
  const sent: { subject: string; message: unknown; options: RequestOptions }[] = [];
  const nats = {
    request: async (subject: string, data: Uint8Array, options: RequestOptions) => {
      sent.push({ subject, message: json.decode(data), options });
      return answer(subject, data, options);
    },
  } as unknown as NatsConnection;
  const link = { isConnected: connected } as unknown as NatsLinkState;
  return { nats, link, sent };
};
