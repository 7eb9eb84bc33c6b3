import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { VerifiedKey } from '../verified-key';
import type { KeywardRequest } from './keyward-request';

/** The verified key of a `@RequireKey` route; a programming error anywhere else. */
export const keyPrincipalOf = (request: KeywardRequest): VerifiedKey => {
  if (!request.keyPrincipal) throw new Error('no key principal: the route has no @RequireKey');
  return request.keyPrincipal;
};

/** `list(@KeyPrincipal() key: VerifiedKey)`: who is calling (key id, workspace, roles, permissions…). */
export const KeyPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): VerifiedKey =>
  keyPrincipalOf(context.switchToHttp().getRequest<KeywardRequest>()),
);
