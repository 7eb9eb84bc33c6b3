import { connect, createServer, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { answerClientError } from './client-error.handler';

const PARSE_ERROR = Object.assign(new Error('Header overflow'), { code: 'HPE_HEADER_OVERFLOW' });

/** A loopback server that hands each connection to `answerClientError` as Node's HTTP server would, and a client sending `request`. */
const exchange = async (error: Error & { code?: string }, request: Buffer): Promise<{ answer: string; server: Server }> => {
  const server = createServer((socket: Socket) => {
    // As Node's HTTP server does: the parser refuses the request once its first bytes are in, and reads no more.
    socket.once('data', () => {
      socket.pause();
      answerClientError(error, socket);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const client = connect({ host: '127.0.0.1', port });
  const chunks: Buffer[] = [];
  client.on('data', (chunk: Buffer) => chunks.push(chunk));
  client.on('error', () => undefined); // judged by what was read
  client.write(request);
  await once(client, 'close');
  server.close();
  return { answer: Buffer.concat(chunks).toString('utf8'), server };
};

describe('answerClientError', () => {
  it('answers a request Node could not parse with 400 and the error body', async () => {
    const { answer } = await exchange(PARSE_ERROR, Buffer.from('GET / HTTP/1.1\r\nX: \u0001\r\n\r\n', 'latin1'));
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toContain('Content-Type: application/json');
    expect(JSON.parse(body)).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'the request is not valid HTTP' });
  });

  it('writes nothing to a connection the client reset', async () => {
    const { answer } = await exchange(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), Buffer.from('GET / HTTP/1.1\r\n'));
    expect(answer).toBe('');
  });
});
