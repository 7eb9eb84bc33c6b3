import 'reflect-metadata';
import { Subjects, type CommandReplyOf, type CreateKeyRequest, type RevokeKeyRequest, type RotateKeyRequest } from '@keyward/contracts';
import { parseRevokeKey, parseRotateKey } from '../keys/key-payload';
import { CommandEndpoint, commandEndpointsOf, type CommandParser } from './command-endpoint.decorator';
import { ROOT_CONTEXT as context } from '../testing/command-payload.fixtures';

const S = Subjects.keyCommand;
const revokedKey = (id: string): CommandReplyOf<typeof S.revoke> => ({ ok: true, position: '1.0', result: { id, status: 'revoked', revokedAt: '2026-12-02T00:00:00.000Z' } });
const revoked = revokedKey('key_1');

/**
 * Type tests: `npm run build` type-checks this file (tsconfig.json), and each `@ts-expect-error`
 * fails the build should the line it marks compile. A handler that takes or answers another
 * shape than the contract names for its subject does not compile.
 */
class Endpoints {
  @CommandEndpoint(S.revoke, parseRevokeKey)
  async revoke(request: RevokeKeyRequest): Promise<CommandReplyOf<typeof S.revoke>> {
    return revokedKey(request.keyId);
  }

  // @ts-expect-error: the request of another subject
  @CommandEndpoint(S.revoke, parseRevokeKey)
  async revokeTakingACreate(_request: CreateKeyRequest): Promise<CommandReplyOf<typeof S.revoke>> {
    return revoked;
  }

  // @ts-expect-error: the result of another subject
  @CommandEndpoint(S.rotate, parseRotateKey)
  async rotateAnsweringARevoke(_request: RotateKeyRequest): Promise<CommandReplyOf<typeof S.revoke>> {
    return revoked;
  }

  // @ts-expect-error: a parser of another subject
  @CommandEndpoint(S.rotate, parseRevokeKey)
  async rotateParsedAsARevoke(_request: RotateKeyRequest): Promise<CommandReplyOf<typeof S.rotate>> {
    return { ok: false, error: { code: 'INTERNAL', message: 'unused' } };
  }
}

// @ts-expect-error: a parser must produce the whole request (a rotate needs gracePeriodSeconds)
const incomplete: CommandParser<typeof S.rotate> = () => ({ context, keyId: 'key_1' });

describe('CommandEndpoint', () => {
  it('binds each method to its subject and its parser, for the responder to serve', () => {
    const endpoints = commandEndpointsOf(Endpoints);
    expect(endpoints.map(({ subject, method }) => [subject, method])).toEqual([
      [S.revoke, 'revoke'],
      [S.revoke, 'revokeTakingACreate'],
      [S.rotate, 'rotateAnsweringARevoke'],
      [S.rotate, 'rotateParsedAsARevoke'],
    ]);
    const [{ parse }] = endpoints;
    expect(parse({ context, keyId: 'key_aaaaaaaaaaaaaaaaaaaaaaaa' })).toEqual({ context, keyId: 'key_aaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(() => parse({ context, keyId: 'nonsense' })).toThrow('no such key');
    expect(incomplete).toBeInstanceOf(Function);
  });

  it('declares nothing on a class without endpoints', () => {
    expect(commandEndpointsOf(class {})).toEqual([]);
  });
});
