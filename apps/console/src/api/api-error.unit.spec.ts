import { ApiError, isCsrfRefusal, unwrap } from './api-error';

const answer = (status: number, body: unknown) =>
  Promise.resolve({ data: status < 400 ? body : undefined, error: status >= 400 ? body : undefined, response: new Response(null, { status }) });

describe('API refusals in words', () => {
  it('puts each detail at its field, in words without the API field name (a path or its last name), and at the top field of a path', async () => {
    const error = await unwrap(
      answer(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'invalid request',
        details: [
          { field: 'expiresAt', message: 'expiresAt must be a date-time in the future' },
          { field: 'permissions.calls', message: 'must be none, read or write' },
          { field: 'settings.staleAfterDays', message: 'staleAfterDays must not be less than 1' },
        ],
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const { fields, message, code } = error as ApiError;
    expect(code).toBe('VALIDATION_FAILED');
    expect(message).toBe('Some fields need a change.');
    expect(fields).toEqual({
      expiresAt: 'Must be a date-time in the future',
      'permissions.calls': 'Must be none, read or write',
      permissions: 'Must be none, read or write',
      'settings.staleAfterDays': 'Must not be less than 1',
      settings: 'Must not be less than 1',
    });
  });

  it("says what a code means in plain words, without the gateway's developer message", async () => {
    const error = (await unwrap(answer(402, { statusCode: 402, code: 'PLAN_UPGRADE_REQUIRED', message: 'upgrade it' })).catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe("Your workspace's plan does not include this. Upgrade required.");
    const forbidden = (await unwrap(answer(403, { statusCode: 403, code: 'FORBIDDEN', message: 'requires api_keys:write' })).catch((e: unknown) => e)) as ApiError;
    expect(forbidden.message).toBe('Your key is not allowed to do this.');
  });

  it('tells a stale CSRF token (another tab signed in) from a missing permission', async () => {
    const body = { statusCode: 403, code: 'FORBIDDEN', message: 'needs X-CSRF-Token', details: [{ field: 'X-CSRF-Token', message: 'X-CSRF-Token is missing' }] };
    expect(isCsrfRefusal(body)).toBe(true);
    expect(isCsrfRefusal({ statusCode: 403, code: 'FORBIDDEN', message: 'requires api_keys:write' })).toBe(false);
    const error = (await unwrap(answer(403, body)).catch((e: unknown) => e)) as ApiError;
    expect(error.message).toMatch(/^This tab's session was replaced/);
  });

  it('turns a body that is not the error format, and a network failure, into sentences', async () => {
    expect(((await unwrap(answer(502, 'Bad gateway')).catch((e: unknown) => e)) as ApiError).message).toBe('The server answered 502. Try again.');
    expect(((await unwrap(Promise.reject(new TypeError('fetch failed'))).catch((e: unknown) => e)) as ApiError).code).toBe('NETWORK');
  });

  it('answers the body of a success', async () => {
    expect(await unwrap(answer(200, { ok: true }))).toEqual({ ok: true });
  });
});
