import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const SANE = /^[A-Za-z0-9._:-]{1,100}$/;

/** Every request gets a correlation id: the caller's `X-Request-Id` if sane, else a new one. */
export const requestIdMiddleware = (request: Request, response: Response, next: NextFunction): void => {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && SANE.test(given) ? given : randomUUID();
  request.headers['x-request-id'] = id;
  response.setHeader('x-request-id', id);
  next();
};
