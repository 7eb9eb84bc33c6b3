import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from './principal';

export const REQUIRED_PERMISSION = 'keyward:required-permission';
export const PUBLIC_ROUTE = 'keyward:public-route';

/** The permission a caller's key must hold for this route (product.md section 7). */
export const RequirePermission = (permission: string): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_PERMISSION, permission);

/** No authentication: health and the like. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
