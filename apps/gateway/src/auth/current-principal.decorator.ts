import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { GatewayRequest } from '../http/gateway-request';
import type { Principal } from './principal';

/** The authenticated caller; a programming error on a `@Public()` route. */
export const principalOf = (request: GatewayRequest): Principal => {
  if (!request.principal) throw new Error('no principal: the route is not authenticated');
  return request.principal;
};

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal =>
  principalOf(context.switchToHttp().getRequest<GatewayRequest>()),
);
