import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Histogram, type Registry } from 'prom-client';

/** What Express leaves on a request it routed: the route's pattern, never the path with its ids. */
interface RoutedRequest extends IncomingMessage {
  readonly route?: { readonly path?: unknown };
}

/** A request no route matched (or that failed before routing): one label value, so the set stays closed. */
const UNMATCHED = '(unmatched)';

/**
 * `keyward_http_requests_total{method,route,status}` and `keyward_http_request_duration_seconds{method,route}`
 * for an Express-based service. `route` is the matched pattern (`/v1/keys/:id`), so labels stay
 * few whatever the callers send.
 */
export const httpMetricsMiddleware = (registry: Registry) => {
  const requests = new Counter({ name: 'keyward_http_requests_total', help: 'HTTP requests answered, by method, route and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const duration = new Histogram({
    name: 'keyward_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return (request: RoutedRequest, response: ServerResponse, next: () => void): void => {
    const started = performance.now();
    response.once('finish', () => {
      const route = typeof request.route?.path === 'string' ? request.route.path : UNMATCHED;
      // Methods outside the usual few would be a label per caller's whim.
      const method = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].includes(request.method ?? '') ? (request.method as string) : 'OTHER';
      requests.labels(method, route, String(response.statusCode)).inc();
      duration.labels(method, route).observe((performance.now() - started) / 1_000);
    });
    next();
  };
};
