import type { Response } from 'express';
import type { CommandClient } from '../../commands/command.client';
import { ApiError } from '../../errors/api-error';
import type { GatewayRequest } from '../../http/gateway-request';
import type { FoundKey, KeyFinder } from '../key-finder';
import { RevokeLeakedHttpController } from './revoke-leaked.http.controller';
import { REVOKE_LEAKED_ANSWER } from './revoke-leaked.response.dto';
import { RevokeLeakedThrottle } from './revoke-leaked.throttle';

/** The controller's own decisions, with the verifiers' and key-command's answers given. */
const controller = (found: FoundKey | undefined, consistent: boolean) => {
  const revoked: string[] = [];
  const finder = { find: async () => found } as unknown as KeyFinder;
  const commands = {
    send: async (_subject: string, request: { keyId: string }) => {
      revoked.push(request.keyId);
      return { result: { id: request.keyId }, consistent };
    },
  } as unknown as CommandClient;
  const request = { ip: '203.0.113.9', headers: {}, body: { key: 'kw_live_anything' } } as unknown as GatewayRequest;
  const response = { setHeader: () => undefined } as unknown as Response;
  return { revoked, answer: () => new RevokeLeakedHttpController(RevokeLeakedThrottle.fromEnv({}), finder, commands).revoke(request, response) };
};

describe('RevokeLeakedHttpController', () => {
  it('revokes a current secret and answers 202 once every verifier has it', async () => {
    const { revoked, answer } = controller({ keyId: 'key_1', workspaceId: 'ws', current: true }, true);
    expect(await answer()).toEqual(REVOKE_LEAKED_ANSWER);
    expect(revoked).toEqual(['key_1']);
  });

  it('answers 503 when the revocation is not yet in every verifier: a 202 would let the key answer VALID after it', async () => {
    const { answer } = controller({ keyId: 'key_1', workspaceId: 'ws', current: true }, false);
    await expect(answer()).rejects.toBeInstanceOf(ApiError);
    await expect(answer()).rejects.toMatchObject({ body: { statusCode: 503, code: 'UNAVAILABLE' } });
  });

  it('revokes nothing for a rotated-away secret past its grace period, with the same 202', async () => {
    const { revoked, answer } = controller({ keyId: 'key_1', workspaceId: 'ws', current: false }, true);
    expect(await answer()).toEqual(REVOKE_LEAKED_ANSWER);
    expect(revoked).toEqual([]);
  });
});
