import { Logger } from '@nestjs/common';
import { ErrorCodes } from '@keyward/contracts';
import { DomainError } from '@keyward/domain';
import { ConcurrencyError } from '@keyward/event-store';
import { commandRejection } from './command-rejection';

describe('commandRejection', () => {
  let warned: jest.SpyInstance;
  let logged: jest.SpyInstance;
  beforeEach(() => {
    warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('passes a domain refusal on as it is', () => {
    expect(commandRejection(new DomainError(ErrorCodes.keyRevoked, 'the key is revoked'))).toEqual({ ok: false, error: { code: 'KEY_REVOKED', message: 'the key is revoked' } });
  });

  it('answers a lost race with CONFLICT', () => {
    expect(commandRejection(new ConcurrencyError('key-1', 0n, 1n))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it.each([
    ['key-key_1', 'the key was changed'],
    ['role-role_1', 'the role was changed'],
    ['workspace-ws_1', 'the workspace was changed'],
  ])('names what changed in a lost race on %s', (streamId, said) => {
    expect(commandRejection(new ConcurrencyError(streamId, 0n, 1n))).toEqual({ ok: false, error: { code: 'CONFLICT', message: `${said} by another request at the same time; try again` } });
  });

  it.each([
    ['a stopped server', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['an immediate shutdown', Object.assign(new Error('terminating connection due to immediate shutdown command'), { code: '57P01' })],
    ['a connection lost under the commit', new Error('Connection terminated unexpectedly')],
  ])('answers %s with UNAVAILABLE and a warning, not INTERNAL and an error', (_, error) => {
    expect(commandRejection(error)).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: expect.any(String) } });
    expect(warned).toHaveBeenCalledTimes(1);
    expect(logged).not.toHaveBeenCalled();
  });

  it('answers anything else with INTERNAL and logs it', () => {
    expect(commandRejection(new TypeError('x is undefined'))).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
    expect(logged).toHaveBeenCalledWith('command failed: TypeError: x is undefined');
  });
});
