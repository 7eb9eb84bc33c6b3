import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCodes, type VerifyCode } from '@keyward/contracts';
import { VerifyClient, VerifierUnavailableError } from '@keyward/client';
import { ApiError } from '../errors/api-error';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION, type AuthenticatedRequest } from './auth.decorators';
import { DEFAULT_WORKSPACE, ROOT_ACTOR, type Principal } from './principal';
import { RootKeyMatcher } from './root-key.matcher';

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/;

/** Denials other than these say only "unauthenticated": a caller learns nothing about other keys. */
const DENIALS: Partial<Record<VerifyCode, ApiError>> = {
  INSUFFICIENT_PERMISSIONS: new ApiError(ErrorCodes.forbidden, 'this key may not do that'),
  PLAN_UPGRADE_REQUIRED: new ApiError(ErrorCodes.planUpgradeRequired, 'Upgrade required: the workspace plan does not include API access'),
  UNAVAILABLE: new ApiError(ErrorCodes.unavailable, 'key verification is unavailable; try again shortly'),
};

/**
 * Authenticates every route with `Authorization: Bearer`: the root key, or a key that the
 * verifiers find VALID for the route's permission.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly rootKey: RootKeyMatcher,
    @Inject(VerifyClient) private readonly verifier: VerifyClient,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new ApiError(ErrorCodes.unauthenticated, 'send a key as "Authorization: Bearer <key>"');
    request.principal = await this.authenticate(token, this.reflector.getAllAndOverride<string>(REQUIRED_PERMISSION, targets));
    return true;
  }

  private async authenticate(token: string, permission: string | undefined): Promise<Principal> {
    if (this.rootKey.matches(token)) return { workspaceId: DEFAULT_WORKSPACE, actor: ROOT_ACTOR, root: true };
    const answer = await this.verifier.verify(token, permission).catch((error: unknown) => {
      if (error instanceof VerifierUnavailableError) throw DENIALS.UNAVAILABLE;
      throw error;
    });
    if (answer.code === 'VALID' && answer.workspaceId && answer.keyId) return { workspaceId: answer.workspaceId, actor: answer.keyId, root: false };
    throw DENIALS[answer.code] ?? new ApiError(ErrorCodes.unauthenticated, 'the key is not valid');
  }
}
