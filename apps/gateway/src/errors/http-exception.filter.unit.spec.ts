import { ArgumentsHost, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ErrorCodes } from '@keyward/contracts';
import { ApiError } from './api-error';
import { HttpExceptionFilter } from './http-exception.filter';

/** Runs the filter and returns what it answered. */
const answer = (exception: unknown): { status: number; body: unknown } => {
  const sent: { status: number; body: unknown } = { status: 0, body: undefined };
  const response = {
    headersSent: false,
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
  it('answers our errors as they are', () => {
    expect(answer(new ApiError(ErrorCodes.keyRevoked, 'already revoked'))).toEqual({
      status: 409,
      body: { statusCode: 409, code: 'KEY_REVOKED', message: 'already revoked' },
    });
  });

  it('maps bad JSON and oversize bodies from the body parser', () => {
    expect(answer(Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed' }))).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: 'request body is not valid JSON' },
    });
    expect(answer(Object.assign(new Error('too large'), { type: 'entity.too.large' }))).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('maps framework errors and hides unexpected ones', () => {
    expect(answer(new NotFoundException())).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(answer(new PayloadTooLargeException())).toMatchObject({ status: 413 });
    const hidden = answer(new Error('connection string postgres://user:secret@db'));
    expect(hidden).toEqual({ status: 500, body: { statusCode: 500, code: 'INTERNAL', message: 'internal error' } });
  });
});
