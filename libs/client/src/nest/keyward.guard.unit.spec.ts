import { Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { VerifyCodes, type VerifyAnswer } from '@keyward/contracts';
import { VALID_ANSWER as VALID, VALID_PRINCIPAL } from '../testing/verify-answers';
import { VerifierTimeoutError } from '../verifier-unavailable.error';
import type { VerifyClient, VerifyOptions } from '../verify.client';
import { DENIALS, KeyDeniedException } from './key-denial';
import type { KeywardRequest } from './keyward-request';
import { KeywardGuard } from './keyward.guard';
import { RequireKey } from './require-key.decorator';

const KEY = `kw_live_${'A'.repeat(38)}`;

/** Stand-ins for controller methods: only their metadata matters. */
@RequireKey('calls:read')
class Routes {
  list(): string {
    return 'list';
  }

  @RequireKey(['calls:write', 'contacts:read'])
  create(): string {
    return 'create';
  }

  @RequireKey((request) => `workflows/${request.params.id}:read`)
  workflow(): string {
    return 'workflow';
  }

  @RequireKey('(contacts:read OR contacts:write) AND calls:read')
  query(): string {
    return 'query';
  }

  @RequireKey((request) => [`workflows/${request.params.id}:read`, 'calls:read'])
  computedList(): string {
    return 'computedList';
  }

  @RequireKey()
  anyKey(): string {
    return 'anyKey';
  }
}

class Open {
  health(): string {
    return 'health';
  }
}

interface Asked {
  readonly key: string;
  readonly require: unknown;
  readonly options: VerifyOptions | undefined;
}

const setUp = (answer: VerifyAnswer | Error) => {
  const asked: Asked[] = [];
  const client = {
    verify: async (key: string, require?: unknown, options?: VerifyOptions): Promise<VerifyAnswer> => {
      asked.push({ key, require, options });
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as VerifyClient;
  const guard = new KeywardGuard(new Reflector(), client);
  const run = async (
    request: Partial<KeywardRequest>,
    handler: () => string = Routes.prototype.list,
    controller: abstract new () => unknown = Routes,
  ): Promise<{ request: KeywardRequest; headers: Record<string, string>; denied?: KeyDeniedException }> => {
    const full: KeywardRequest = { headers: {}, query: {}, params: {}, ...request };
    const headers: Record<string, string> = {};
    const context = {
      getHandler: () => handler,
      getClass: () => controller,
      switchToHttp: () => ({ getRequest: () => full, getResponse: () => ({ setHeader: (name: string, value: string) => (headers[name] = value) }) }),
    } as unknown as ExecutionContext;
    try {
      expect(await guard.canActivate(context)).toBe(true);
      return { request: full, headers };
    } catch (error) {
      if (!(error instanceof KeyDeniedException)) throw error;
      return { request: full, headers, denied: error };
    }
  };
  return { run, asked };
};

const bearer = { headers: { authorization: `Bearer ${KEY}` } };

describe('KeywardGuard', () => {
  it('lets routes without @RequireKey through without asking', async () => {
    const { run, asked } = setUp(VALID);
    expect((await run({}, Open.prototype.health, Open)).denied).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('asks with the controller requirement and puts the principal on the request', async () => {
    const { run, asked } = setUp(VALID);
    const { request, denied } = await run({ ...bearer, ip: '203.0.113.9' });
    expect(denied).toBeUndefined();
    expect(request.keyPrincipal).toEqual(VALID_PRINCIPAL);
    expect(asked).toEqual([{ key: KEY, require: 'calls:read', options: { ip: '203.0.113.9' } }]);
  });

  it("uses the method's requirement over the controller's", async () => {
    const { run, asked } = setUp(VALID);
    await run(bearer, Routes.prototype.create);
    expect(asked[0].require).toEqual(['calls:write', 'contacts:read']);
  });

  it('computes a requirement from the route parameters', async () => {
    const { run, asked } = setUp(VALID);
    await run({ ...bearer, params: { id: 'wf_42' } }, Routes.prototype.workflow);
    expect(asked[0].require).toEqual(['workflows/wf_42:read']);
  });

  it('asks with a fixed permission query as written, and with a computed list', async () => {
    const { run, asked } = setUp(VALID);
    await run(bearer, Routes.prototype.query);
    await run({ ...bearer, params: { id: 'wf_42' } }, Routes.prototype.computedList);
    expect(asked.map((a) => a.require)).toEqual(['(contacts:read OR contacts:write) AND calls:read', ['workflows/wf_42:read', 'calls:read']]);
  });

  it.each(['wf_42:read OR calls', 'wf_42:read) OR (calls', 'wf_42:read\tOR\tcalls'])(
    'answers 403 to a route id that would splice an OR into the requirement (%j), after checking the key',
    async (id) => {
      const { run, asked } = setUp(VALID);
      const { denied } = await run({ ...bearer, params: { id } }, Routes.prototype.workflow);
      expect(denied?.body).toMatchObject({ statusCode: 403, code: 'INSUFFICIENT_PERMISSIONS' });
      expect(asked[0].require).toEqual([]);
    },
  );

  it('asks for any valid key with @RequireKey()', async () => {
    const { run, asked } = setUp(VALID);
    expect((await run(bearer, Routes.prototype.anyKey)).denied).toBeUndefined();
    expect(asked[0].require).toEqual([]);
  });

  it('answers 403 for a computed requirement no key can hold, after checking the key', async () => {
    const { run, asked } = setUp(VALID);
    const { denied, request } = await run({ ...bearer, params: { id: 'wf 42' } }, Routes.prototype.workflow);
    expect(denied?.body).toMatchObject({ statusCode: 403, code: 'INSUFFICIENT_PERMISSIONS' });
    expect(request.keyPrincipal).toBeUndefined();
    expect(asked).toEqual([{ key: KEY, require: [], options: {} }]);
    const bad = setUp({ valid: false, code: 'REVOKED' });
    expect((await bad.run({ ...bearer, params: { id: 'wf 42' } }, Routes.prototype.workflow)).denied?.body.code).toBe('REVOKED');
  });

  it('verifies once when the guard runs twice for one request', async () => {
    const { run, asked } = setUp(VALID);
    const first = await run(bearer);
    await run(first.request);
    expect(asked).toHaveLength(1);
  });

  it.each<[string, Partial<KeywardRequest>, string]>([
    ['no key', {}, 'send an API key'],
    ['an empty bearer token', { headers: { authorization: 'Bearer ' } }, 'send an API key'],
    ['two different keys', { headers: { authorization: `Bearer ${KEY}` }, query: { api_key: `kw_live_${'B'.repeat(38)}` } }, 'different API keys'],
  ])('answers 401 UNAUTHENTICATED for %s without asking', async (_, request, message) => {
    const { run, asked } = setUp(VALID);
    const { denied, headers } = await run(request);
    expect(denied?.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect(denied?.body.message).toContain(message);
    expect(headers).toEqual({ 'WWW-Authenticate': 'Bearer' });
    expect(asked).toEqual([]);
  });

  it.each(VerifyCodes.filter((code) => code !== 'VALID'))('answers %s with its status and code, and no principal', async (code) => {
    const statusCode = DENIALS[code].status;
    const { run } = setUp({ valid: false, code });
    const { denied, request, headers } = await run(bearer);
    expect(denied?.body).toEqual({ statusCode, code, message: expect.any(String) });
    expect(JSON.stringify(denied?.body)).not.toContain(KEY);
    expect(request.keyPrincipal).toBeUndefined();
    expect(headers).toEqual(statusCode === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
  });

  it('sets Retry-After from the rate-limit reset', async () => {
    const { run } = setUp({ valid: false, code: 'RATE_LIMITED', ratelimit: { limit: 10, remaining: 0, reset: new Date(Date.now() + 29_500).toISOString() } });
    const { denied, headers } = await run(bearer);
    expect(denied?.getStatus()).toBe(429);
    expect(headers).toEqual({ 'Retry-After': '30' });
  });

  it('does not trust a VALID answer without a principal', async () => {
    const { run } = setUp({ valid: true, code: 'VALID' });
    expect((await run(bearer)).denied?.body).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
  });

  it('answers 503 when no verifier answers, and logs no key', async () => {
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { run } = setUp(new VerifierTimeoutError(2_000));
    expect((await run(bearer)).denied?.body).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
    expect(warned).toHaveBeenCalledWith(expect.stringContaining('VerifierTimeoutError'));
    expect(JSON.stringify(warned.mock.calls)).not.toContain(KEY);
    warned.mockRestore();
  });

  it('lets other failures through (a bug is a 500, not a 503)', async () => {
    const { run } = setUp(new TypeError('boom'));
    await expect(run(bearer)).rejects.toThrow('boom');
  });
});

describe('RequireKey', () => {
  it('refuses a fixed requirement that is not a permission query when the route is declared', () => {
    expect(() => RequireKey('calls:delete')).toThrow('"calls:delete" is not a permission query');
    expect(() => RequireKey('calls:read and contacts:read')).toThrow('is not a permission query');
    expect(() => RequireKey('(calls:read OR contacts:read')).toThrow('is not a permission query');
  });
});
