import { decodeCommand, decodeCommandReply, encodeCommandMessage } from './command-message.codec';

describe('command messages', () => {
  it('carries a command as plain JSON', () => {
    expect(decodeCommand(encodeCommandMessage({ a: 1 }))).toEqual({ a: 1 });
  });

  it.each([
    ['not JSON', '{"context": '],
    ['empty', ''],
  ])('reads a body that is %s as no command at all', (_, text) => {
    expect(decodeCommand(new TextEncoder().encode(text))).toBeUndefined();
  });
});

describe('decodeCommandReply', () => {
  it('answers an acceptance and a refusal as sent', () => {
    const ok = { ok: true, result: { id: 'key_1' }, position: '7.3' };
    const refused = { ok: false, error: { code: 'KEY_REVOKED', message: 'the key is revoked' } };
    expect(decodeCommandReply(encodeCommandMessage(ok))).toEqual(ok);
    expect(decodeCommandReply(encodeCommandMessage(refused))).toEqual(refused);
  });

  it.each([
    ['an envelope of another transport', encodeCommandMessage({ err: 'There is no matching message handler defined in the remote service.', id: 'p' })],
    ['an acceptance without a position', encodeCommandMessage({ ok: true, result: {} })],
    ['a refusal without a code', encodeCommandMessage({ ok: false, error: { message: 'no' } })],
    ['a body that is not JSON', new TextEncoder().encode('not json')],
  ])('throws a CommandTransportError for %s', (_, bytes) => {
    expect(() => decodeCommandReply(bytes)).toThrow(expect.objectContaining({ name: 'CommandTransportError' }));
  });
});
