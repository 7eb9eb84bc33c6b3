import type { ServerResponse } from 'node:http';

/**
 * The console's pages may run only the scripts, styles and images the gateway serves, talk only to
 * the gateway, and be framed by no one: an injected `<script>` or inline handler does nothing.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Set on every answer of the console's routes (pages, assets, the not-built page). */
export const setConsoleHeaders = (response: Pick<ServerResponse, 'setHeader'>): void => {
  response.setHeader('Content-Security-Policy', CONSOLE_CSP);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
};
