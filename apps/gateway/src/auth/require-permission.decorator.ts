import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { ApiErrors, PERMISSION_ERRORS } from '../errors/api-errors.decorator';

export const REQUIRED_PERMISSION = 'keyward:required-permission';

/**
 * The permission a caller's key must hold for this route (product.md section 7), also published
 * in the OpenAPI document as `x-required-permission` so clients and tests can read it, with the
 * errors the guard answers for it.
 */
export const RequirePermission = (permission: string): MethodDecorator =>
  applyDecorators(SetMetadata(REQUIRED_PERMISSION, permission), ApiExtension('x-required-permission', permission), ApiErrors(...PERMISSION_ERRORS));
