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
  lingerThenClose(socket);
};

/** How long, and how many bytes, a refused request's remainder is read and dropped. */
const LINGER_MS = 2_000;
const LINGER_BYTES = 8 * 1024 * 1024;

/**
 * A lingering close (as nginx makes one): the client may still be sending the rest of a refused
 * request, and closing with its bytes unread resets the connection, so that it never reads the
 * answer above. Read and drop them for a bounded time and size, then close.
 */
const lingerThenClose = (socket: Duplex): void => {
  let dropped = 0;
  const close = (): void => void socket.destroy();
  const timer = setTimeout(close, LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) close();
  });
  socket.once('end', close);
  socket.resume();
};
