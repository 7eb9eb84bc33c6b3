import type { Request, Response } from 'express';
import { DOCS_CSP, responseHeadersMiddleware } from './response-headers.middleware';

const headersFor = (path: string): Record<string, string> => {
  const headers: Record<string, string> = {};
  const response = { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as Response;
  let nextCalled = false;
  responseHeadersMiddleware({ path } as Request, response, () => (nextCalled = true));
  expect(nextCalled).toBe(true);
  return headers;
};

describe('responseHeadersMiddleware', () => {
  it('marks every API answer no-store', () => {
    expect(headersFor('/v1/session')).toEqual({ 'Cache-Control': 'no-store' });
    expect(headersFor('/v1/webhooks/wh_1/rotate-secret')).toEqual({ 'Cache-Control': 'no-store' });
    expect(headersFor('/v1')).toEqual({ 'Cache-Control': 'no-store' });
  });

  it('gives the API docs a policy that no page may frame and that runs only the served scripts', () => {
    for (const path of ['/docs', '/docs/', '/docs/swagger-ui-init.js', '/docs-json']) expect(headersFor(path)['Content-Security-Policy']).toBe(DOCS_CSP);
    expect(DOCS_CSP).toContain("frame-ancestors 'none'");
    expect(DOCS_CSP).toContain("script-src 'self';");
  });

  it('leaves the rest alone (the console sets its own, health and metrics theirs)', () => {
    expect(headersFor('/v1x')).toEqual({});
    expect(headersFor('/settings/api-access')).toEqual({});
    expect(headersFor('/metrics')).toEqual({});
  });
});
