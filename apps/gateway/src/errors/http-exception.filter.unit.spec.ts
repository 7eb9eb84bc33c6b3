import { BadRequestException, Logger, NotFoundException, PayloadTooLargeException, type ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ErrorCodes } from '@keyward/contracts';
import { ApiError } from './api-error';
import { HttpExceptionFilter, RETRY_AFTER_SECONDS } from './http-exception.filter';
import { EXPECTED_STATUSES } from '../testing/error-statuses';

interface Sent {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Runs the filter on a fake response and returns what it answered. */
const answer = (exception: unknown, headersSent = false): Sent => {
  const sent: Sent = { status: 0, body: undefined, headers: {} };
  const response = {
    headersSent,
    setHeader(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(exception, host);
  return sent;
};

describe('HttpExceptionFilter', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it.each(EXPECTED_STATUSES)('answers %s with %i', (code, status) => {
    expect(answer(new ApiError(code, 'why'))).toMatchObject({ status, body: { statusCode: status, code, message: 'why' } });
  });

  it('keeps per-field details', () => {
    const details = [{ field: 'name', message: 'name must be shorter than or equal to 100 characters' }];
    expect(answer(ApiError.invalid(details)).body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'the request is not valid', details });
  });

  it('maps what the framework throws, in its own words', () => {
    expect(answer(new NotFoundException('Cannot GET /v1/nope'))).toMatchObject({ status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: 'no such route' } });
    expect(answer(new PayloadTooLargeException())).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(answer(new BadRequestException('kw_live_secret in a message'))).toMatchObject({
      status: 400,
      body: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'the request is not valid' },
    });
  });

  it('answers anything unexpected with a generic 500 and logs it', () => {
    expect(answer(new Error('connection string postgres://user:secret@db'))).toMatchObject({
      status: 500,
      body: { statusCode: 500, code: 'INTERNAL', message: 'internal error' },
    });
    expect(answer('a thrown string')).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
    expect(logged).toHaveBeenCalledTimes(2);
  });

  it('leaves a response alone once its headers are sent', () => {
    expect(answer(new ApiError(ErrorCodes.internal, 'late'), true)).toEqual({ status: 0, body: undefined, headers: {} });
  });

  it('tells the client when to retry on every 503, and only then', () => {
    expect(answer(new ApiError(ErrorCodes.unavailable, 'no verifier')).headers).toEqual({ 'retry-after': String(RETRY_AFTER_SECONDS) });
    for (const [code] of EXPECTED_STATUSES.filter(([, status]) => status !== 503)) expect(answer(new ApiError(code, 'why')).headers).toEqual({});
  });

  it('answers a dependency that went away with 503 UNAVAILABLE and one warning line, not a 500 and a stack', () => {
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const down = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
      expect(answer(new QueryFailedError('SELECT 1', [], down))).toEqual({
        status: 503,
        body: { statusCode: 503, code: 'UNAVAILABLE', message: expect.any(String) },
        headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
      });
      expect(answer(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })).status).toBe(503);
      expect(warned).toHaveBeenCalledTimes(2);
      expect(warned).toHaveBeenCalledWith('dependency unavailable: 57P01');
      expect(logged).not.toHaveBeenCalled();
    } finally {
      warned.mockRestore();
    }
  });
});
