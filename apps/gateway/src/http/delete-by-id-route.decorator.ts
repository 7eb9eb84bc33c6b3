import { applyDecorators, Delete, HttpCode } from '@nestjs/common';
import { ApiNoContentResponse } from '@nestjs/swagger';
import type { ErrorCode } from '@keyward/contracts';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrors } from '../errors/api-errors.decorator';

/** `DELETE :id`, for a caller holding `permission`: 204 once deleted, `notFound` when there is no such thing. */
export const DeleteByIdRoute = (permission: string, notFound: ErrorCode): MethodDecorator =>
  applyDecorators(Delete(':id'), HttpCode(204), RequirePermission(permission), ApiNoContentResponse({ description: 'deleted' }), ApiErrors(notFound));
