import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { errorWithoutStack } from './keyward-logger';
import { serviceLoggerParams } from './service-logger';

/** Probes and scrapes would drown the access log. */
const UNLOGGED = new Set(['/health', '/metrics']);

/** The path without the query string: a query may carry a key (`?api_key=`). */
const pathOf = (url: string | undefined): string => (url ?? '').split('?', 1)[0];

/**
 * nestjs-pino for an HTTP service: one access-log line per request, and every line logged while
 * a request runs carries its `correlationId` (from `requestId`, which the service's own request-id
 * middleware has set). Requests and responses are logged by method, path and status only: never
 * a header, a query string or a body.
 */
export const httpLoggingModule = (requestId: (request: IncomingMessage) => string): DynamicModule =>
  LoggerModule.forRootAsync({
    useFactory: () => ({
      forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
      pinoHttp: {
        ...serviceLoggerParams().pinoHttp,
        genReqId: requestId,
        customAttributeKeys: { reqId: 'correlationId' },
        quietReqLogger: true,
        quietResLogger: true,
        autoLogging: { ignore: (request: IncomingMessage) => UNLOGGED.has(pathOf(request.url)) },
        serializers: {
          req: (request: { method?: string; url?: string }) => ({ method: request.method, path: pathOf(request.url) }),
          res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
          // pino-http would otherwise put its own, with the stack, over the logger's.
          err: errorWithoutStack,
        },
        // The quiet request logger binds only the correlation id; the access-log line names the request too.
        customSuccessObject: (request: IncomingMessage, _response: ServerResponse, fields: object) => ({ req: request, ...fields }),
        customErrorObject: (request: IncomingMessage, _response: ServerResponse, _error: Error, fields: object) => ({ req: request, ...fields }),
        customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
      },
    }),
  });
