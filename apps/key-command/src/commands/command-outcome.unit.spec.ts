import { correlationIdOfCommand, outcomeOfReply } from './command-outcome';

describe('command outcomes', () => {
  it('names a reply ok or by its error code', () => {
    expect(outcomeOfReply({ ok: true, result: {}, position: '1.2' })).toBe('ok');
    expect(outcomeOfReply({ ok: false, error: { code: 'KEY_REVOKED', message: 'revoked' } })).toBe('KEY_REVOKED');
  });

  it("takes the correlation id from the command's context only when it is a sane one", () => {
    expect(correlationIdOfCommand({ context: { correlationId: 'req-1' } })).toBe('req-1');
    expect(correlationIdOfCommand({ context: { correlationId: 'a b' } })).toBeUndefined();
    expect(correlationIdOfCommand({ context: { correlationId: 'x'.repeat(201) } })).toBeUndefined();
    expect(correlationIdOfCommand({ context: { correlationId: 7 } })).toBeUndefined();
    expect(correlationIdOfCommand({ context: 'c' })).toBeUndefined();
    expect(correlationIdOfCommand('a string')).toBeUndefined();
    expect(correlationIdOfCommand(null)).toBeUndefined();
  });
});
