import type { IncomingMessage } from 'node:http';
import { httpLoggingModule } from '@keyward/platform';
import type { GatewayRequest } from './gateway-request';
import { correlationIdOf } from './request-id.middleware';

/** The access log and request-scoped logs, under the correlation id the request-id middleware chose. */
export const GatewayLoggingModule = httpLoggingModule((request: IncomingMessage) => (request as GatewayRequest).correlationId ?? correlationIdOf(undefined));
