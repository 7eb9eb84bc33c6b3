import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ErrorCode } from '@keyward/contracts';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrors } from '../errors/api-errors.decorator';
import { KeyViewDto } from './key.response.dto';

/**
 * A route that changes what a key may do (roles, permissions, shares): it takes `api_keys:write`
 * and answers the key as `KeyEditWriter` read it back, or one of `errors`.
 */
export const KeyAccessRoute = (...errors: readonly ErrorCode[]): MethodDecorator =>
  applyDecorators(RequirePermission('api_keys:write'), ApiOkResponse({ type: KeyViewDto, description: 'the key as its history now shows it' }), ApiErrors(...errors));
