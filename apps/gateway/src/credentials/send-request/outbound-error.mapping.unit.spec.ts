import { OutboundFailedError, OutboundRefusedError } from '@keyward/outbound';
import { ApiError } from '../../errors/api-error';
import { outboundApiError } from './outbound-error.mapping';

const bodyOf = (error: unknown) => (error instanceof ApiError ? error.body : undefined);

describe('outboundApiError', () => {
  it.each([
    [new OutboundRefusedError('forbidden', 'evil.example is not among the allowed hosts'), 403, 'FORBIDDEN'],
    [new OutboundRefusedError('invalid', 'url must be https'), 400, 'VALIDATION_FAILED'],
    [new OutboundRefusedError('too-large', 'body is over 10 bytes', 'body'), 413, 'PAYLOAD_TOO_LARGE'],
    [new OutboundFailedError('timeout', 'no whole answer within 30000 ms'), 504, 'UPSTREAM_TIMEOUT'],
    [new OutboundFailedError('too-large', "the answer's body is over 5 bytes"), 502, 'UPSTREAM_FAILED'],
    [new OutboundFailedError('failed', 'the request failed (ECONNREFUSED)'), 502, 'UPSTREAM_FAILED'],
  ])('answers %p with %i %s', (error, statusCode, code) => {
    expect(bodyOf(outboundApiError(error))).toMatchObject({ statusCode, code });
  });

  it('names the field of a malformed request', () => {
    expect(bodyOf(outboundApiError(new OutboundRefusedError('invalid', 'header "a b" is not a valid HTTP header', 'headers')))?.details).toEqual([
      { field: 'headers', message: 'header "a b" is not a valid HTTP header' },
    ]);
  });

  it('leaves any other error as it is', () => {
    const other = new Error('vault');
    expect(outboundApiError(other)).toBe(other);
  });
});
