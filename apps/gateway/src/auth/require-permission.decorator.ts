import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const REQUIRED_PERMISSION = 'keyward:required-permission';

/**
 * The permission a caller's key must hold for this route (product.md section 7), also published
 * in the OpenAPI document as `x-required-permission` so clients and tests can read it.
 */
export const RequirePermission = (permission: string): MethodDecorator =>
  applyDecorators(SetMetadata(REQUIRED_PERMISSION, permission), ApiExtension('x-required-permission', permission));
