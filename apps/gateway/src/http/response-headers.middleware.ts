import type { NextFunction, Request, Response } from 'express';
import { CONSOLE_CSP } from '../console/console-headers';

const API = /^\/v1(\/|$)/;
const DOCS = /^\/docs(-json|-yaml)?(\/|$)/;

/**
 * Swagger UI's page holds inline `<style>` blocks and style attributes; its scripts are files. So
 * the console's policy, with inline styles allowed and nothing else: a script injected into the
 * page runs nowhere, and no other site may frame it (clickjacking a signed-in browser).
 */
export const DOCS_CSP = CONSOLE_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/**
 * Headers by path, one home for each: no API answer is ever stored by a browser or a proxy (some
 * hold a key's secret, a webhook's signing secret or the session's CSRF token, and a cache must not
 * tell them apart); the API docs get a content security policy like the console's pages.
 */
export const responseHeadersMiddleware = (request: Request, response: Response, next: NextFunction): void => {
  if (API.test(request.path)) response.setHeader('Cache-Control', 'no-store');
  else if (DOCS.test(request.path)) {
    response.setHeader('Content-Security-Policy', DOCS_CSP);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
  }
  next();
};
