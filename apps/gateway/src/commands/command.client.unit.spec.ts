import { Logger } from '@nestjs/common';
import { JSONCodec } from 'nats';
import { ErrorCodes, Subjects, type ErrorCode, type RevokeKeyResult, type RotateKeyResult } from '@keyward/contracts';
import type { ConsistencyService } from '../consistency/consistency.service';
import { ApiError } from '../errors/api-error';
import { CommandClient, rejectionToApiError, type Written } from './command.client';
import { EXPECTED_STATUSES } from '../testing/error-statuses';
import { answering, fakeKeyCommand, type Answer } from '../testing/key-command.fake';

const REVOKE = Subjects.keyCommand.revoke;
const context = { workspaceId: 'default', actor: 'root', correlationId: 'req-1', grants: ['*:write'], operator: true };

const json = JSONCodec<unknown>();
const failing = (error: Error) => async () => Promise.reject(error);
const NEVER = (): Promise<never> => new Promise(() => undefined);

const clientAnswering = (answer: Answer, consistent = true, connected = true) => {
  const waited: string[] = [];
  const { nats, link, sent } = fakeKeyCommand(answer, connected);
  const consistency = {
    waitFor: async (position: string) => {
      waited.push(position);
      return consistent;
    },
  } as unknown as ConsistencyService;
  return { client: new CommandClient(nats, link, consistency), waited, sent };
};

const failure = async (promise: Promise<unknown>): Promise<ApiError> => {
  const error: unknown = await promise.catch((e: unknown) => e);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
};

describe('rejectionToApiError', () => {
  it.each(EXPECTED_STATUSES)('maps %s to %i', (code, status) => {
    expect(rejectionToApiError({ code, message: 'because' }).body).toEqual({ statusCode: status, code, message: 'because' });
  });

  it('turns a refused field into a validation detail', () => {
    expect(rejectionToApiError({ code: ErrorCodes.validationFailed, message: 'expiresAt must be in the future', field: 'expiresAt' }).body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'the request is not valid',
      details: [{ field: 'expiresAt', message: 'expiresAt must be in the future' }],
    });
  });

  it('answers a code it does not know with a generic 500', () => {
    expect(rejectionToApiError({ code: 'SOMETHING_NEW' as ErrorCode, message: 'detail' }).body).toEqual({
      statusCode: 500,
      code: 'INTERNAL',
      message: 'internal error',
    });
  });
});

describe('CommandClient', () => {
  let warned: jest.SpyInstance;
  beforeEach(() => {
    warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    warned.mockRestore();
  });

  it('answers the result once the followers applied the write', async () => {
    const { client, waited, sent } = clientAnswering(answering({ ok: true, result: { id: 'key_1' }, position: '7.3' }));
    expect(await client.send(REVOKE, { context, keyId: 'key_1' })).toEqual({ result: { id: 'key_1' }, consistent: true });
    expect(waited).toEqual(['7.3']);
    expect(sent).toEqual([{ subject: REVOKE, message: { context, keyId: 'key_1' }, options: { timeout: 5_000 } }]);
  });

  it('still answers the result when a follower lags, marked as not yet consistent', async () => {
    const { client } = clientAnswering(answering({ ok: true, result: { id: 'key_1' }, position: '7.3' }), false);
    expect(await client.send(REVOKE, { context, keyId: 'key_1' })).toEqual({ result: { id: 'key_1' }, consistent: false });
  });

  it('throws the refusal as its HTTP error, without waiting', async () => {
    const { client, waited } = clientAnswering(answering({ ok: false, error: { code: ErrorCodes.keyRevoked, message: 'the key is revoked' } }));
    expect((await failure(client.send(REVOKE, { context, keyId: 'key_1' }))).body).toMatchObject({ statusCode: 409, code: 'KEY_REVOKED' });
    expect(waited).toEqual([]);
  });

  it('answers 503 when the transport fails', async () => {
    const { client } = clientAnswering(failing(new Error('CONNECTION_REFUSED')));
    expect((await failure(client.send(REVOKE, { context, keyId: 'key_1' }))).body).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
  });

  it('answers 503 at once, sending nothing, while NATS reconnects (what is published then is dropped)', async () => {
    const { client, sent } = clientAnswering(answering({ ok: true, result: { id: 'key_1' }, position: '7.3' }), true, false);
    expect((await failure(client.send(REVOKE, { context, keyId: 'key_1' }))).body).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
    expect(sent).toEqual([]);
    expect(warned).toHaveBeenCalledWith(`${REVOKE} not sent: NATS is reconnecting`);
  });

  it('answers 503 when key-command does not answer in time (the request times out)', async () => {
    const { client } = clientAnswering(failing(Object.assign(new Error('TIMEOUT'), { code: 'TIMEOUT' })));
    expect((await failure(client.send(REVOKE, { context, keyId: 'key_1' }))).body).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
  });

  it.each([
    ['an envelope of another transport', { err: 'There is no matching message handler defined in the remote service.', id: 'x' }],
    ['a body that is no command reply', { ok: 'yes' }],
  ])('answers 503 for %s, and logs no more than its name', async (_, body) => {
    const { client } = clientAnswering(async () => ({ data: json.encode(body) }));
    expect((await failure(client.send(REVOKE, { context, keyId: 'key_1' }))).body).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
    expect(warned).toHaveBeenCalledWith(`${REVOKE} got no answer: CommandTransportError`);
  });
});

/**
 * Type tests: `npm run build` type-checks this file (tsconfig.json), and each `@ts-expect-error`
 * fails the build should the line it marks compile. The subject names the request and the result
 * (`CommandContract`); the caller cannot pick others.
 */
describe('CommandClient.send, typed by the contract', () => {
  it('infers the result of the subject', async () => {
    const { client } = clientAnswering(answering({ ok: true, result: { id: 'key_1' }, position: '7.3' }));
    const written: Written<RevokeKeyResult> = await client.send(REVOKE, { context, keyId: 'key_1' });
    expect(written.result.id).toBe('key_1');
  });

  it('refuses, at compile time, a request or a result of another subject', () => {
    const { client } = clientAnswering(NEVER);
    const misuses = () => [
      // @ts-expect-error: a revoke names the key
      client.send(REVOKE, { context }),
      // @ts-expect-error: a rotate's request on the revoke subject
      client.send(REVOKE, { context, keyId: 'key_1', gracePeriodSeconds: 60 }),
      // @ts-expect-error: a subject that is no command
      client.send(Subjects.verify, { context, keyId: 'key_1' }),
    ];
    // @ts-expect-error: a revoke does not answer a secret
    const secret = async (): Promise<Written<RotateKeyResult>> => client.send(REVOKE, { context, keyId: 'key_1' });
    expect([misuses, secret].every((f) => typeof f === 'function')).toBe(true);
  });
});
