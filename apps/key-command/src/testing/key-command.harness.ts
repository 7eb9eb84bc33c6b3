import { randomBytes, randomUUID } from 'node:crypto';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { loadConfig } from '@keyward/config';
import type { CommandContext, CommandRejection, CommandReply } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import { PostgresEventStore } from '@keyward/event-store/postgres';
import { decodeCommandReply, encodeCommandMessage } from '@keyward/platform';
import { AppModule } from '../app.module';
import { COMMAND_SUBJECT_PREFIX } from '../commands/command.responder';

const REPLY_TIMEOUT_MS = 5_000;
const json = JSONCodec<unknown>();

@Module({})
class PrefixModule {}

/**
 * key-command's AppModule as `main.ts` starts it, but serving every subject under a prefix of its
 * own: test files may share the server (a user's NATS_URL, another test run), so each
 * key-command under test answers only its own requests, from its own database. What it publishes
 * itself (events-appended notices) goes to the real subjects.
 */
const prefixed = (prefix: string): DynamicModule => ({
  module: PrefixModule,
  global: true,
  imports: [AppModule],
  providers: [{ provide: COMMAND_SUBJECT_PREFIX, useValue: prefix }],
  exports: [COMMAND_SUBJECT_PREFIX],
});

/** What `createTestDatabase()` of `@keyward/testing` answers; the harness drops it on close. */
export interface OwnDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

export interface KeyCommandHarness {
  /** The pepper key-command hashes secrets with (`KEYWARD_PEPPER`). */
  readonly pepper: Buffer;
  /** A connection of the test's own to the same NATS server. */
  readonly nats: NatsConnection;
  /** A store of the test's own on key-command's database, to read what it appended. */
  readonly store: PostgresEventStore;
  /** Sends a command as the gateway does (`encodeCommandMessage`) and answers the reply. */
  send<Result>(subject: string, payload: unknown): Promise<CommandReply<Result>>;
  /** Like `send`; a rejection fails the test, naming its code and message. */
  ok<Result>(subject: string, payload: unknown): Promise<{ readonly result: Result; readonly position: string }>;
  /** Like `send`; an acceptance fails the test. */
  rejection(subject: string, payload: unknown): Promise<CommandRejection>;
  /** Raw bytes on key-command's subject: the decoded reply, or undefined when none came in time. */
  sendRaw(subject: string, bytes: Uint8Array, timeoutMs?: number): Promise<unknown>;
  /** The events of one stream, in order. */
  stream(streamId: string): Promise<readonly RecordedEvent[]>;
  /** Every event in the database, in global order. */
  all(): Promise<readonly RecordedEvent[]>;
  /** Promise rejections nothing handled since the last call (each would have ended a real process), cleared. */
  takeEscapedErrors(): unknown[];
  close(): Promise<void>;
}

/**
 * Boots key-command's AppModule in-process, as `main.ts` does, on a test database of its own, the
 * `NATS_URL` the test run started and a pepper of its own. A rejection nothing handles would end a
 * real key-command process (Node's default); here it is kept instead, so that a test can tell.
 */
export const startKeyCommand = async (database: OwnDatabase): Promise<KeyCommandHarness> => {
  const pepperText = randomBytes(32).toString('base64url');
  process.env.DATABASE_URL = database.url;
  process.env.KEYWARD_PEPPER = pepperText;
  const config = loadConfig();
  const prefix = `test.${randomBytes(8).toString('hex')}.`;
  const escaped: unknown[] = [];
  const keep = (reason: unknown): void => void escaped.push(reason);
  process.on('unhandledRejection', keep);
  let app: INestApplicationContext | undefined;
  let nats: NatsConnection | undefined;
  const store = PostgresEventStore.fromConnectionString(database.url, { poolSize: 2 });
  const close = async (): Promise<void> => {
    try {
      await app?.close();
      await nats?.drain();
    } finally {
      await store.close();
      await database.drop();
      process.off('unhandledRejection', keep);
    }
    const left = escaped.splice(0);
    if (left.length > 0) throw new Error(`rejections nothing handled, each of which would have ended the process: ${left.map(String).join('; ')}`);
  };
  try {
    app = await NestFactory.createApplicationContext(prefixed(prefix), { logger: false });
    nats = await connect({ servers: config.natsUrl });
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  const nc = nats;

  const sendRaw = async (subject: string, bytes: Uint8Array, timeoutMs = REPLY_TIMEOUT_MS): Promise<unknown> => {
    try {
      return json.decode((await nc.request(`${prefix}${subject}`, bytes, { timeout: timeoutMs })).data);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'TIMEOUT') return undefined;
      throw error;
    }
  };

  const send = async <Result>(subject: string, payload: unknown): Promise<CommandReply<Result>> => {
    const answer = await nc.request(`${prefix}${subject}`, encodeCommandMessage(payload), { timeout: REPLY_TIMEOUT_MS });
    // The test reads the result it expects of the subject; the shape is checked.
    return decodeCommandReply(answer.data) as CommandReply<Result>;
  };

  return {
    pepper: Buffer.from(pepperText, 'utf8'),
    nats: nc,
    store,
    send,
    sendRaw,
    ok: async <Result>(subject: string, payload: unknown) => {
      const reply = await send<Result>(subject, payload);
      if (!reply.ok) throw new Error(`${subject} was refused: ${reply.error.code}: ${reply.error.message}${reply.error.field ? ` (${reply.error.field})` : ''}`);
      return { result: reply.result, position: reply.position };
    },
    rejection: async (subject, payload) => {
      const reply = await send(subject, payload);
      if (reply.ok) throw new Error(`${subject} was accepted: ${JSON.stringify(reply.result)}`);
      return reply.error;
    },
    stream: async (streamId) => (await store.readStream(streamId)).events,
    all: () => store.readAll({ maxCount: 100_000 }),
    takeEscapedErrors: () => escaped.splice(0),
    close,
  };
};

/** A command context as the gateway builds it for a key: its workspace, its id as actor, what it holds. */
export const commandContext = (over: Partial<CommandContext> = {}): CommandContext => ({
  workspaceId: 'default',
  actor: `key_${randomBytes(12).toString('hex')}`,
  correlationId: randomUUID(),
  grants: ['*:write'],
  operator: false,
  ...over,
});

/** The root key's context: operator powers on top of everything in workspace `default`. */
export const operatorContext = (over: Partial<CommandContext> = {}): CommandContext => commandContext({ actor: 'root', operator: true, ...over });

/** What an event keeps, as text: to look for what must never be stored. */
export const storedText = (events: readonly RecordedEvent[]): string => JSON.stringify(events.map((e) => [e.type, e.data, e.metadata]));
