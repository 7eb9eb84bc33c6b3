import { Logger } from '@nestjs/common';
import type { DiscoveryService } from '@nestjs/core';
import type { Msg, NatsConnection, SubscriptionOptions } from 'nats';
import { Subjects, type CommandReplyOf, type RevokeKeyRequest } from '@keyward/contracts';
import { DomainError } from '@keyward/domain';
import { decodeCommandReply, encodeCommandMessage } from '@keyward/platform';
import { parseRevokeKey } from '../keys/key-payload';
import { ROOT_CONTEXT as context } from '../testing/command-payload.fixtures';
import type { AppendedPublisher } from './appended.publisher';
import { CommandEndpoint } from './command-endpoint.decorator';
import type { CommandMetrics } from './command.metrics';
import { CommandResponder } from './command.responder';

const S = Subjects.keyCommand;
const KEY_ID = 'key_aaaaaaaaaaaaaaaaaaaaaaaa';

class Revokes {
  release: () => void = () => undefined;
  held = false;

  @CommandEndpoint(S.revoke, parseRevokeKey)
  async revoke(request: RevokeKeyRequest): Promise<CommandReplyOf<typeof S.revoke>> {
    if (this.held) await new Promise<void>((resolve) => (this.release = resolve));
    if (request.keyId !== KEY_ID) throw new DomainError('KEY_REVOKED', 'the key is revoked');
    return { ok: true, position: '7.3', result: { id: request.keyId, status: 'revoked', revokedAt: '2026-12-02T00:00:00.000Z' } };
  }
}

/** The responder on a fake connection: `send` delivers a message to the subscription and answers what it replied, in order with the notices. */
const responderOf = (controller: Revokes) => {
  const callbacks = new Map<string, NonNullable<SubscriptionOptions['callback']>>();
  const wire: string[] = [];
  const drained: string[] = [];
  const nats = {
    subscribe: (subject: string, options: SubscriptionOptions) => {
      callbacks.set(subject, options.callback as NonNullable<SubscriptionOptions['callback']>);
      return { drain: () => Promise.resolve(void drained.push(subject)) };
    },
  } as unknown as NatsConnection;
  const discovery = { getControllers: () => [{ instance: controller, metatype: Revokes }] } as unknown as DiscoveryService;
  const appended = { flush: () => wire.push('appended notice') } as unknown as AppendedPublisher;
  const observed: string[] = [];
  const metrics = { observe: (subject: string, outcome: string) => observed.push(`${subject} ${outcome}`) } as unknown as CommandMetrics;
  const responder = new CommandResponder(nats, discovery, appended, metrics);
  responder.onApplicationBootstrap();
  const send = (bytes: Uint8Array): Promise<unknown> =>
    new Promise((resolve) => {
      const msg = { reply: '_INBOX.1', data: bytes, respond: (data: Uint8Array) => (wire.push('reply'), resolve(decodeCommandReply(data)), true) } as unknown as Msg;
      callbacks.get(S.revoke)?.(null, msg);
    });
  return { responder, send, wire, observed, drained, subjects: [...callbacks.keys()] };
};

describe('CommandResponder', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('serves each endpoint on its subject, answers the handler’s reply, then the appended notice, and counts it', async () => {
    const { send, wire, observed, subjects } = responderOf(new Revokes());
    expect(subjects).toEqual([S.revoke]);
    expect(await send(encodeCommandMessage({ context, keyId: KEY_ID }))).toMatchObject({ ok: true, position: '7.3' });
    expect(wire).toEqual(['reply', 'appended notice']);
    expect(observed).toEqual([`${S.revoke} ok`]);
  });

  it.each([
    ['not JSON', new TextEncoder().encode('{"context": '), { code: 'VALIDATION_FAILED', field: 'command' }],
    ['a lone surrogate', encodeCommandMessage({ context, keyId: 'key_\ud800' }), { code: 'VALIDATION_FAILED', field: 'command' }],
    ['refused by the parser', encodeCommandMessage({ context, keyId: 'nonsense' }), { code: 'KEY_NOT_FOUND' }],
    ['refused by the handler', encodeCommandMessage({ context, keyId: 'key_bbbbbbbbbbbbbbbbbbbbbbbb' }), { code: 'KEY_REVOKED' }],
  ])('answers a command %s with a rejection', async (_, bytes, error) => {
    const { send, observed } = responderOf(new Revokes());
    expect(await send(bytes)).toMatchObject({ ok: false, error });
    expect(observed).toEqual([`${S.revoke} ${error.code}`]);
  });

  it('takes no more commands at shutdown, and waits for those in flight to answer', async () => {
    const controller = new Revokes();
    controller.held = true;
    const { responder, send, drained } = responderOf(controller);
    const answered = send(encodeCommandMessage({ context, keyId: KEY_ID }));
    let stopped = false;
    const stopping = responder.beforeApplicationShutdown().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toEqual([S.revoke]);
    expect(stopped).toBe(false);
    controller.release();
    await expect(answered).resolves.toMatchObject({ ok: true });
    await stopping;
    expect(stopped).toBe(true);
  });
});
