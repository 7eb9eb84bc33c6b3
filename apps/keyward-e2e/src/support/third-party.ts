import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What reached the third party: the request as its server saw it. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query. */
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A local HTTP server standing in for a third-party API (Stripe, SendGrid…): it keeps every request
 * it receives, and answers each with an echo of it — headers, query and body — in its body and in
 * a header, as a careless API might, so that a test can prove the broker redacts the value.
 */
export class ThirdParty {
  readonly received: ReceivedRequest[] = [];

  private constructor(
    private readonly server: http.Server,
    readonly port: number,
  ) {}

  static async start(): Promise<ThirdParty> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const party = new ThirdParty(server, (server.address() as AddressInfo).port);
    server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
        party.received.push(received);
        if (received.url.startsWith('/redirect')) return response.writeHead(302, { location: 'https://elsewhere.example/' }).end();
        const echo = JSON.stringify(received);
        response.writeHead(200, { 'content-type': 'application/json', 'x-echo': encodeURIComponent(echo) }).end(echo);
      });
    });
    return party;
  }

  /** `127.0.0.1:<port>`, as an allowed host. */
  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  url(path = '/'): string {
    return `http://${this.host}${path}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()).closeAllConnections());
  }
}

/** What a stack needs to let the broker reach a third party on plain HTTP on loopback (production allows neither). */
export const LOCAL_OUTBOUND_ENV: NodeJS.ProcessEnv = { KEYWARD_OUTBOUND_ALLOW_HTTP: 'true', KEYWARD_OUTBOUND_ALLOW_PRIVATE: 'true' };
