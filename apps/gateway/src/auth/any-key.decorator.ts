import { ApiErrors, AUTHENTICATION_ERRORS } from '../errors/api-errors.decorator';

/**
 * Any valid key of the workspace, whatever it holds. The guard needs no mark for this (it is what a
 * route without `@RequirePermission`, `@RootOnly` or `@Public` gets); the mark declares its errors.
 */
export const AnyKey = (): MethodDecorator => ApiErrors(...AUTHENTICATION_ERRORS);
