import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The sender's retries made short for tests: pauses of at most 400 ms, given up (the endpoint disabled) 6 s after the first try. */
export const SHORT_RETRY_ENV: NodeJS.ProcessEnv = { KEYWARD_WEBHOOK_RETRY_BASE_MS: '100', KEYWARD_WEBHOOK_RETRY_MAX_MS: '400', KEYWARD_WEBHOOK_RETRY_FOR_MS: '6000' };

/** One delivery try as the receiver saw it, with what it answered. */
export interface ReceivedDelivery {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly answered: number;
}

/**
 * A local endpoint for webhook deliveries: it keeps every try it receives and answers 200, or
 * 500 while the path is set failing, as a receiver that is down for a while would.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private readonly failing = new Set<string>();

  private constructor(
    private readonly server: http.Server,
    readonly port: number,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiver = new WebhookReceiver(server, (server.address() as AddressInfo).port);
    server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '';
        const answered = receiver.failing.has(path) ? 500 : 200;
        const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
        receiver.received.push({ path, headers, body: Buffer.concat(chunks).toString('utf8'), answered });
        response.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'ok' : 'down');
      });
    });
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  fail(path: string, failing: boolean): void {
    if (failing) this.failing.add(path);
    else this.failing.delete(path);
  }

  at(path: string): ReceivedDelivery[] {
    return this.received.filter((r) => r.path === path);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()).closeAllConnections());
  }
}
