import { randomUUID } from 'node:crypto';
import type { NextFunction, Response } from 'express';
import type { GatewayRequest } from './gateway-request';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Short and plain: it ends up in every event's metadata and in logs. */
const SANE = /^[A-Za-z0-9._:-]{1,100}$/;

/** The caller's `X-Request-Id` if it is sane, else a new UUID. */
export const correlationIdOf = (given: string | string[] | undefined): string =>
  typeof given === 'string' && SANE.test(given) ? given : randomUUID();

/** Every request gets a correlation id, echoed back so the caller can quote it. */
export const requestIdMiddleware = (request: GatewayRequest, response: Response, next: NextFunction): void => {
  request.correlationId = correlationIdOf(request.headers['x-request-id']);
  response.setHeader(REQUEST_ID_HEADER, request.correlationId);
  next();
};
