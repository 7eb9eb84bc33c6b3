import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiErrors, REQUEST_ERRORS } from '../errors/api-errors.decorator';

export const PUBLIC_ROUTE = 'keyward:public-route';

/** No authentication: health and the like. Every other route needs a bearer key. */
export const Public = (): MethodDecorator => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiErrors(...REQUEST_ERRORS));
