import type { Duplex } from 'node:stream';
import { ErrorCodes } from '@keyward/contracts';
import { ApiError } from '../errors/api-error';

/**
 * Node answers a request its parser refuses (bytes not allowed in a header, headers too large)
 * itself, with a bare 400 and no body; this answers in the error format instead (product.md
 * section 7). A connection the client already dropped gets nothing.
 */
export const answerClientError = (error: Error & { code?: string }, socket: Duplex): void => {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(new ApiError(ErrorCodes.validationFailed, 'the request is not valid HTTP').body);
  socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
};
