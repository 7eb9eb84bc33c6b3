import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { ErrorCodes, type ErrorBody } from '@keyward/contracts';
import { HealthChecks } from './health/health-checks';
import { httpStatusOf } from './health/health-status';

export interface OpsPort {
  readonly port: number;
  /** Configured by the operator: a port in use is then an error, not a reason to pick another. */
  readonly configured: boolean;
  /** The environment variable that sets it, named in the log. */
  readonly variable: string;
}

/** Where the operator's probes look: the service's /metrics and /health. */
const OPS_HOST = '0.0.0.0';

const send = (response: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', ...headers }).end(body);
};

const sendError = (response: ServerResponse, body: ErrorBody, headers: Record<string, string> = {}): void =>
  send(response, body.statusCode, 'application/json; charset=utf-8', JSON.stringify(body), headers);

const listen = (server: Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const fail = (error: Error): void => reject(error);
    server.once('error', fail);
    server.listen(port, OPS_HOST, () => {
      server.off('error', fail);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });

const inUse = (error: unknown): boolean => typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === 'EADDRINUSE';

/**
 * `GET /metrics` (Prometheus text) and `GET /health` for a service that has no HTTP server of its
 * own (key-command, projector, verifier): plain `node:http`, nothing else on this port.
 */
export class OpsHttpServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OpsHttpServer.name);
  private readonly server: Server;

  constructor(
    private readonly registry: Registry,
    private readonly health: HealthChecks,
    private readonly port: OpsPort,
  ) {
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  async onApplicationBootstrap(): Promise<void> {
    let port: number;
    try {
      port = await listen(this.server, this.port.port);
    } catch (error) {
      // The default port of a second replica on one machine is taken: any free one will do.
      if (this.port.configured || !inUse(error)) throw error;
      this.logger.warn(`port ${this.port.port} is in use; metrics and health move to a free port (set ${this.port.variable} to choose one)`);
      port = await listen(this.server, 0);
    }
    this.logger.log({ msg: `metrics and health on http://127.0.0.1:${port} (GET /metrics, GET /health)`, opsPort: port });
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.server.listening) return;
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?', 1)[0];
    const get = request.method === 'GET' || request.method === 'HEAD';
    try {
      if (get && path === '/metrics') return send(response, 200, this.registry.contentType, await this.registry.metrics());
      if (get && path === '/health') {
        const report = await this.health.report();
        return send(response, httpStatusOf(report), 'application/json; charset=utf-8', JSON.stringify(report));
      }
      sendError(response, { statusCode: 404, code: ErrorCodes.routeNotFound, message: 'only GET /metrics and GET /health are served here' });
    } catch (error) {
      this.logger.error(`ops request failed: ${error instanceof Error ? error.name : 'unknown error'}`);
      if (!response.headersSent) sendError(response, { statusCode: 503, code: ErrorCodes.unavailable, message: 'try again shortly' }, { 'retry-after': '1' });
    }
  }
}
