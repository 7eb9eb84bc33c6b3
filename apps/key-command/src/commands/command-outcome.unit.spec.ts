import { DomainError } from '@keyward/domain';
import { ConcurrencyError } from '@keyward/event-store';
import { correlationIdOfCommand, outcomeOfError, outcomeOfReply } from './command-outcome';

describe('command outcomes', () => {
  it('names a reply ok or by its error code, anything else INTERNAL', () => {
    expect(outcomeOfReply({ ok: true, result: {}, position: '1.2' })).toBe('ok');
    expect(outcomeOfReply({ ok: false, error: { code: 'KEY_REVOKED', message: 'revoked' } })).toBe('KEY_REVOKED');
    expect(outcomeOfReply(undefined)).toBe('INTERNAL');
    expect(outcomeOfReply({ ok: false })).toBe('INTERNAL');
  });

  it('names a thrown error as the exception filter answers it', () => {
    expect(outcomeOfError(new DomainError('FORBIDDEN', 'no'))).toBe('FORBIDDEN');
    expect(outcomeOfError(new ConcurrencyError('key-1', 0n, 1n))).toBe('CONFLICT');
    expect(outcomeOfError(new Error('Connection terminated unexpectedly'))).toBe('INTERNAL');
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
