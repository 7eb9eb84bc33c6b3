import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Whether a request changes something, so that a cookie alone may not authorise it. */
export const isWrite = (request: Pick<Request, 'method'>): boolean => !SAFE_METHODS.has(request.method);

/**
 * Whether the request's `X-CSRF-Token` is the session's token. Compared as digests in constant
 * time: equal lengths, and nothing learned from how long a wrong guess took.
 */
export const presentsCsrfToken = (request: Pick<Request, 'headers'>, expected: string): boolean => {
  const given = request.headers[CSRF_HEADER.toLowerCase()];
  return typeof given === 'string' && given.length > 0 && timingSafeEqual(digest(given), digest(expected));
};
