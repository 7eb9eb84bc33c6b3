import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { ApiErrors, PERMISSION_ERRORS } from '../errors/api-errors.decorator';

export const ROOT_ONLY = 'keyward:root-only';

/** Operator routes (workspaces, plans): the root key only; any other valid key gets 403. Published as `x-root-only`. */
export const RootOnly = (): MethodDecorator => applyDecorators(SetMetadata(ROOT_ONLY, true), ApiExtension('x-root-only', true), ApiErrors(...PERMISSION_ERRORS));
