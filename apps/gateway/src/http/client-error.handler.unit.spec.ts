import { PassThrough } from 'node:stream';
import { answerClientError } from './client-error.handler';

const written = (socket: PassThrough): string => socket.read()?.toString('utf8') ?? '';

describe('answerClientError', () => {
  it('answers a request Node could not parse with 400 and the error body', () => {
    const socket = new PassThrough();
    answerClientError(Object.assign(new Error('Invalid header value char'), { code: 'HPE_INVALID_HEADER_TOKEN' }), socket);
    const [head, body] = written(socket).split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toContain('Content-Type: application/json');
    expect(JSON.parse(body)).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'the request is not valid HTTP' });
  });

  it('writes nothing to a connection the client reset', () => {
    const socket = new PassThrough();
    answerClientError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), socket);
    expect(socket.destroyed).toBe(true);
  });
});
