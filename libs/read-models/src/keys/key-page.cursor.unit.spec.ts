import { decodeKeyCursor, encodeKeyCursor, InvalidCursorError } from './key-page.cursor';

describe('key page cursor', () => {
  it('round-trips where a page ended', () => {
    const cursor = encodeKeyCursor({ createdAt: new Date('2026-01-01T00:00:01.000Z'), id: 'key_1' });
    expect(decodeKeyCursor(cursor)).toEqual({ createdAt: '2026-01-01T00:00:01.000Z', id: 'key_1' });
  });

  it.each(['', 'not base64 json', Buffer.from('{"createdAt":"yesterday","id":"k"}').toString('base64url'), Buffer.from('[1]').toString('base64url')])(
    'refuses a cursor it did not hand out: %s',
    (cursor) => expect(() => decodeKeyCursor(cursor)).toThrow(InvalidCursorError),
  );
});
