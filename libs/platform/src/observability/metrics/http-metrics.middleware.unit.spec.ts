import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Registry } from 'prom-client';
import { httpMetricsMiddleware } from './http-metrics.middleware';

/** A request as Express leaves it, and a response that finishes when told. */
const exchange = (method: string, route: string | undefined, status: number) => {
  const request = { method, ...(route ? { route: { path: route } } : {}) } as unknown as IncomingMessage;
  const response = Object.assign(new EventEmitter(), { statusCode: status }) as unknown as ServerResponse;
  return { request, response };
};

describe('httpMetricsMiddleware', () => {
  it('counts answered requests by method, route pattern and status, and times them', async () => {
    const registry = new Registry();
    const middleware = httpMetricsMiddleware(registry);
    const run = (method: string, route: string | undefined, status: number): void => {
      const { request, response } = exchange(method, route, status);
      let nexted = false;
      middleware(request, response, () => (nexted = true));
      expect(nexted).toBe(true);
      response.emit('finish');
    };
    run('POST', '/v1/keys', 201);
    run('POST', '/v1/keys', 201);
    run('GET', '/v1/keys/:id', 404);
    run('PROPFIND', undefined, 404);
    const text = await registry.metrics();
    expect(text).toContain('keyward_http_requests_total{method="POST",route="/v1/keys",status="201"} 2');
    expect(text).toContain('keyward_http_requests_total{method="GET",route="/v1/keys/:id",status="404"} 1');
    expect(text).toContain('keyward_http_requests_total{method="OTHER",route="(unmatched)",status="404"} 1');
    expect(text).toContain('keyward_http_request_duration_seconds_count{method="POST",route="/v1/keys"} 2');
  });

  it('counts nothing for a request that never finished', async () => {
    const registry = new Registry();
    const { request, response } = exchange('GET', '/v1/keys', 200);
    httpMetricsMiddleware(registry)(request, response, () => undefined);
    expect(await registry.metrics()).not.toContain('keyward_http_requests_total{');
  });
});
