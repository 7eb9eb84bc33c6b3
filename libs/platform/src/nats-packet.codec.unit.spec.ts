import 'reflect-metadata';
import { JSONCodec } from 'nats';
import { decodeCommandReply, encodeCommandPacket } from './nats-packet.codec';
import { TolerantNatsDeserializer } from './tolerant-nats.deserializer';

const json = JSONCodec<unknown>();
const serverReads = (bytes: Uint8Array, channel: string) => new TolerantNatsDeserializer().deserialize(bytes, { channel });

describe("the framework's NATS packets, as key-command's and the followers' servers read them", () => {
  it('reads a command as a request (it has an id, so the server answers it) with the data as sent', () => {
    expect(serverReads(encodeCommandPacket('keyward.v1.cmd', { a: 1 }), 'keyward.v1.cmd')).toEqual({ pattern: 'keyward.v1.cmd', data: { a: 1 }, id: expect.any(String) });
  });
});

describe('decodeCommandReply', () => {
  const reply = (packet: unknown) => json.encode(packet);

  it('answers an acceptance and a refusal as sent', () => {
    const ok = { ok: true, result: { id: 'key_1' }, position: '7.3' };
    const refused = { ok: false, error: { code: 'KEY_REVOKED', message: 'the key is revoked' } };
    expect(decodeCommandReply(reply({ response: ok, isDisposed: true, id: 'p' }))).toEqual(ok);
    expect(decodeCommandReply(reply({ response: refused, isDisposed: true, id: 'p' }))).toEqual(refused);
  });

  it.each([
    ['a transport error', reply({ err: 'There is no matching message handler defined in the remote service.', id: 'p' })],
    ['an acceptance without a position', reply({ response: { ok: true, result: {} } })],
    ['a refusal without a code', reply({ response: { ok: false, error: { message: 'no' } } })],
    ['a body that is not JSON', new TextEncoder().encode('not json')],
  ])('throws a CommandTransportError for %s', (_, bytes) => {
    expect(() => decodeCommandReply(bytes)).toThrow(expect.objectContaining({ name: 'CommandTransportError' }));
  });
});
