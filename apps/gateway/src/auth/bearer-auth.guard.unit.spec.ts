import { Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { VerifierUnavailableError, type VerifyClient } from '@keyward/client';
import type { VerifyAnswer, VerifyCode } from '@keyward/contracts';
import { ApiError } from '../errors/api-error';
import type { GatewayRequest } from '../http/gateway-request';
import { BearerAuthGuard } from './bearer-auth.guard';
import { Public } from './public.decorator';
import { RequirePermission } from './require-permission.decorator';
import { RootOnly } from './root-only.decorator';
import { RootKeyMatcher } from './root-key.matcher';
import type { SessionStore } from '@keyward/sessions';
import { SessionAuthenticator } from '../session/session.authenticator';
import { SessionCookie } from '../session/session-cookie';

const ROOT = `kwroot_${'r'.repeat(43)}`;
const KEY = `kw_live_${'A'.repeat(38)}`;

/** Stand-ins for controller methods: only their metadata matters. */
class Routes {
  @RequirePermission('api_keys:write')
  write(): string {
    return 'written';
  }

  @RootOnly()
  operate(): string {
    return 'operated';
  }

  @Public()
  health(): string {
    return 'ok';
  }
}

/** The guard with a verifier that answers `answer` (or fails) and records what it was asked. */
const setUp = (answer: VerifyAnswer | Error) => {
  const asked: { key: string; require: unknown; ip?: string }[] = [];
  const headers = new Map<string, string>();
  const verifier = {
    verify: async (key: string, require?: unknown, options: { ip?: string } = {}) => {
      asked.push({ key, require, ...options });
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as VerifyClient;
  // No session store: these requests carry no cookie (console-session.e2e.spec.ts covers those that do).
  const sessions = new SessionAuthenticator({} as SessionStore, verifier, new SessionCookie('auto'));
  const guard = new BearerAuthGuard(new Reflector(), new RootKeyMatcher(ROOT), verifier, sessions);
  const run = async (authorization: string | string[] | undefined, route: keyof Routes = 'write', ip?: string): Promise<{ request: GatewayRequest; error?: ApiError }> => {
    const values = authorization === undefined ? [] : [authorization].flat();
    const request = { ip, headers: {}, rawHeaders: ['Host', 'localhost', ...values.flatMap((v, i) => [i % 2 ? 'authorization' : 'Authorization', v])] } as GatewayRequest;
    const response = { setHeader: (name: string, value: string) => headers.set(name, value) };
    const context = {
      getHandler: () => Routes.prototype[route],
      getClass: () => Routes,
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
    } as unknown as ExecutionContext;
    try {
      expect(await guard.canActivate(context)).toBe(true);
      return { request };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { request, error };
    }
  };
  return { run, asked, headers };
};

const denial = (code: VerifyCode): VerifyAnswer => ({ valid: false, code });

describe('BearerAuthGuard', () => {
  it('lets public routes through without a key', async () => {
    const { run, asked } = setUp(denial('NOT_FOUND'));
    expect((await run(undefined, 'health')).error).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it.each([
    ['root first, a key second', [`Bearer ${ROOT}`, `Bearer ${KEY}`]],
    ['a key first, root second', [`Bearer ${KEY}`, `Bearer ${ROOT}`]],
    ['the same key twice', [`Bearer ${KEY}`, `Bearer ${KEY}`]],
    ['a key and an empty header', [`Bearer ${KEY}`, '']],
  ])('answers 400 VALIDATION_FAILED for two Authorization headers (%s), asking no verifier', async (_, headers) => {
    const { run, asked } = setUp({ valid: true, code: 'VALID', keyId: 'key_1', workspaceId: 'default', permissions: ['*:write'] });
    expect((await run(headers)).error?.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'authorization' }] });
    expect(asked).toEqual([]);
  });

  it.each([[undefined], [''], ['Basic abc'], ['Bearer'], ['Bearer two words'], [`Bearer ${'x'.repeat(513)}`]])(
    'answers 401 for the authorization header %j',
    async (authorization) => {
      const { run, asked } = setUp(denial('NOT_FOUND'));
      expect((await run(authorization)).error?.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      expect(asked).toEqual([]);
    },
  );

  it('takes the root key as workspace default, without asking a verifier', async () => {
    const { run, asked } = setUp(denial('NOT_FOUND'));
    expect((await run(`Bearer ${ROOT}`)).request.principal).toEqual({ workspaceId: 'default', actor: 'root', root: true, grants: ['*:write'], roles: [] });
    expect((await run(`bearer ${ROOT}`)).request.principal?.root).toBe(true);
    expect(asked).toEqual([]);
  });

  it("asks the verifiers with the route's permission and acts as the key", async () => {
    const { run, asked } = setUp({ valid: true, code: 'VALID', keyId: 'key_1', workspaceId: 'ws_1', roles: ['billing-team'], permissions: ['api_keys:write', 'calls:read'] });
    expect((await run(`Bearer ${KEY}`)).request.principal).toEqual({ workspaceId: 'ws_1', actor: 'key_1', root: false, grants: ['api_keys:write', 'calls:read'], roles: ['billing-team'] });
    expect(asked).toEqual([{ key: KEY, require: 'api_keys:write' }]);
  });

  it('lets only the root key through a root-only route: 403 for a valid key, 401 for a bad one', async () => {
    const valid = setUp({ valid: true, code: 'VALID', keyId: 'key_1', workspaceId: 'default', permissions: ['*:write'] });
    expect((await valid.run(`Bearer ${ROOT}`, 'operate')).request.principal?.root).toBe(true);
    const refused = await valid.run(`Bearer ${KEY}`, 'operate');
    expect(refused.error?.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(refused.request.principal).toBeUndefined();
    expect((await setUp(denial('NOT_FOUND')).run(`Bearer ${KEY}`, 'operate')).error?.body).toMatchObject({ statusCode: 401 });
  });

  it.each([
    ['INSUFFICIENT_PERMISSIONS', 403, 'FORBIDDEN'],
    ['PLAN_UPGRADE_REQUIRED', 402, 'PLAN_UPGRADE_REQUIRED'],
    ['UNAVAILABLE', 503, 'UNAVAILABLE'],
    ['NOT_FOUND', 401, 'UNAUTHENTICATED'],
    ['MALFORMED', 401, 'UNAUTHENTICATED'],
    ['EXPIRED', 401, 'UNAUTHENTICATED'],
    ['REVOKED', 401, 'UNAUTHENTICATED'],
    ['RATE_LIMITED', 429, 'RATE_LIMITED'],
    ['FORBIDDEN', 403, 'FORBIDDEN'],
  ] as const)('answers a %s verdict with %i %s', async (code, statusCode, errorCode) => {
    const { run } = setUp(denial(code));
    const { error, request } = await run(`Bearer ${KEY}`);
    expect(error?.body).toMatchObject({ statusCode, code: errorCode });
    expect(JSON.stringify(error?.body)).not.toContain(KEY);
    expect(request.principal).toBeUndefined();
  });

  it('passes the caller’s address, and answers a key over its limit 429 with Retry-After', async () => {
    const reset = new Date(Date.now() + 4_500).toISOString();
    const { run, asked, headers } = setUp({ valid: false, code: 'RATE_LIMITED', keyId: 'key_1', ratelimit: { limit: 5, remaining: 0, reset } });
    expect((await run(`Bearer ${KEY}`, 'write', '203.0.113.7')).error?.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(asked).toEqual([{ key: KEY, require: 'api_keys:write', ip: '203.0.113.7' }]);
    expect(Number(headers.get('Retry-After'))).toBeGreaterThanOrEqual(4);
  });

  it('answers 503 when no verifier answers, and logs no key', async () => {
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { run } = setUp(new VerifierUnavailableError('no responders'));
    expect((await run(`Bearer ${KEY}`)).error?.body).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
    expect(JSON.stringify(warned.mock.calls)).not.toContain(KEY);
    warned.mockRestore();
  });
});
