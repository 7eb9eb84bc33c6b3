import { SetMetadata } from '@nestjs/common';

export const REQUIRED_PERMISSION = 'keyward:required-permission';

/** The permission a caller's key must hold for this route (product.md section 7). */
export const RequirePermission = (permission: string): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_PERMISSION, permission);
