import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'keyward:public-route';

/** No authentication: health and the like. Every other route needs a bearer key. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
