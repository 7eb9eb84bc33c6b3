import { ApiError, unwrap } from './api-error';

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

  it("says what a code means, with the gateway's own message after", async () => {
    const error = (await unwrap(answer(402, { statusCode: 402, code: 'PLAN_UPGRADE_REQUIRED', message: 'upgrade it' })).catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe("Your workspace's plan does not include this. Upgrade required. upgrade it");
  });

  it('turns a body that is not the error format, and a network failure, into sentences', async () => {
    expect(((await unwrap(answer(502, 'Bad gateway')).catch((e: unknown) => e)) as ApiError).message).toBe('The server answered 502. Try again.');
    expect(((await unwrap(Promise.reject(new TypeError('fetch failed'))).catch((e: unknown) => e)) as ApiError).code).toBe('NETWORK');
  });

  it('answers the body of a success', async () => {
    expect(await unwrap(answer(200, { ok: true }))).toEqual({ ok: true });
  });
});
