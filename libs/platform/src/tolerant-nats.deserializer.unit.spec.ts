import 'reflect-metadata';
import { TolerantNatsDeserializer } from './tolerant-nats.deserializer';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('TolerantNatsDeserializer', () => {
  const deserializer = new TolerantNatsDeserializer();

  it('reads a NestJS packet as the standard deserializer does', () => {
    expect(deserializer.deserialize(bytes('{"pattern":"p","data":{"a":1},"id":"7"}'), { channel: 'p' })).toEqual({ pattern: 'p', data: { a: 1 }, id: '7' });
  });

  it('reads plain JSON from a non-NestJS publisher as the data of the subject', () => {
    expect(deserializer.deserialize(bytes('{"position":"1.2"}'), { channel: 'keyward.v1.events.appended' })).toEqual({
      pattern: 'keyward.v1.events.appended',
      data: { position: '1.2' },
    });
  });

  it.each([['not json{'], [''], ['\u0000\u0001']])('hands %j on with no data instead of throwing', (text) => {
    expect(deserializer.deserialize(bytes(text), { channel: 'keyward.v1.keys.create' })).toEqual({ id: expect.any(String), pattern: 'keyward.v1.keys.create', data: undefined });
  });
});
