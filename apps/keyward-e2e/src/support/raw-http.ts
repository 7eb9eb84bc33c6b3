import { connect } from 'node:net';

export interface RawResponse {
  readonly status: number;
  /** Lower-case header names; a repeated header keeps its last value. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface RawRequest {
  readonly method: string;
  /** Sent as given: already percent-encoded, or deliberately not. */
  readonly target: string;
  /** Name and value pairs, sent in order and as given: the same name may come twice. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: Buffer;
}

const dechunk = (body: Buffer): Buffer => {
  const parts: Buffer[] = [];
  let at = 0;
  for (let guard = 0; guard < 100_000 && at < body.length; guard++) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = Number.parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
};

/**
 * One HTTP/1.1 request over a fresh connection, written byte for byte: `fetch` would join two
 * `Authorization` headers into one, refuse bytes a fuzz test must send, and set headers itself.
 */
export const rawHttp = (baseUrl: string, request: RawRequest, timeoutMs = 15_000): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(baseUrl);
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer to ${request.method} ${request.target} in ${timeoutMs} ms`)));
    const finish = (): void => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split < 0 ? all.length : split).toString('latin1').split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head[0] ?? '')?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const raw = split < 0 ? Buffer.alloc(0) : all.subarray(split + 4);
      const body = /chunked/i.test(headers['transfer-encoding'] ?? '') ? dechunk(raw) : raw;
      resolve({ status, headers, body: body.toString('utf8') });
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A server that answers before reading the whole request (a refused header) may reset the connection after its answer.
    socket.on('error', (error) => (chunks.length > 0 ? finish() : reject(error)));
    socket.on('end', finish);
    const lines = [`${request.method} ${request.target} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Connection: close'];
    for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
    const hasLength = request.headers.some(([name]) => name.toLowerCase() === 'content-length');
    if (request.body && !hasLength) lines.push(`Content-Length: ${request.body.length}`);
    socket.write(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), request.body ?? Buffer.alloc(0)]));
  });
