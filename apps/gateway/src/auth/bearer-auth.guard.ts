import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { Reflector } from '@nestjs/core';
import { retryAfterSeconds, VerifyClient } from '@keyward/client';
import { afterIoTurn } from '@keyward/platform';
import { ErrorCodes, type VerifyCode } from '@keyward/contracts';
import { ApiError } from '../errors/api-error';
import type { GatewayRequest } from '../http/gateway-request';
import { presentedCredential } from './bearer-token';
import { ROOT_PRINCIPAL, type Principal } from './principal';
import { PUBLIC_ROUTE } from './public.decorator';
import { REQUIRED_PERMISSION } from './require-permission.decorator';
import { ROOT_ONLY } from './root-only.decorator';
import { RootKeyMatcher } from './root-key.matcher';

const AMBIGUOUS = (): ApiError => new ApiError(ErrorCodes.validationFailed, 'send exactly one Authorization header', [
  { field: 'authorization', message: 'more than one Authorization header: the credentials are ambiguous' },
]);
const UNAUTHENTICATED = (): ApiError => new ApiError(ErrorCodes.unauthenticated, 'send a valid key as "Authorization: Bearer <key>"');
const UNAVAILABLE = (): ApiError => new ApiError(ErrorCodes.unavailable, 'key verification is unavailable; try again shortly');
const ROOT_REQUIRED = (): ApiError => new ApiError(ErrorCodes.forbidden, 'only the root key may do this');

/** Denials that say more than "unauthenticated"; the rest reveal nothing about the key. */
const DENIALS: Partial<Record<VerifyCode, () => ApiError>> = {
  INSUFFICIENT_PERMISSIONS: () => new ApiError(ErrorCodes.forbidden, 'this key may not do that'),
  FORBIDDEN: () => new ApiError(ErrorCodes.forbidden, 'this key may not be used from this address'),
  RATE_LIMITED: () => new ApiError(ErrorCodes.rateLimited, 'this key is over its rate limit; retry after Retry-After seconds'),
  PLAN_UPGRADE_REQUIRED: () => new ApiError(ErrorCodes.planUpgradeRequired, 'the workspace plan does not include API access; upgrade it'),
  UNAVAILABLE,
};

/**
 * Authenticates every route not marked `@Public()`: the root key, or a key that the verifiers
 * find VALID for the route's `@RequirePermission`. `@RootOnly()` routes refuse every other key with
 * 403, after authenticating it, so that a bad key still gets 401. Two `Authorization` headers get
 * 400 before either is looked at.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly logger = new Logger(BearerAuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly rootKey: RootKeyMatcher,
    private readonly verifier: VerifyClient,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const credential = presentedCredential(request.rawHeaders);
    if (credential === 'ambiguous') throw AMBIGUOUS();
    if (credential === 'none') throw UNAUTHENTICATED();
    const principal = await this.authenticate(credential.token, this.reflector.getAllAndOverride<string | undefined>(REQUIRED_PERMISSION, targets), request, context);
    if (this.reflector.getAllAndOverride<boolean | undefined>(ROOT_ONLY, targets) && !principal.root) throw ROOT_REQUIRED();
    request.principal = principal;
    return true;
  }

  private async authenticate(token: string, permission: string | undefined, request: GatewayRequest, context: ExecutionContext): Promise<Principal> {
    if (this.rootKey.matches(token)) return ROOT_PRINCIPAL;
    // With the other verifies of this turn, in one socket write.
    await afterIoTurn();
    // The caller's address, for a management key with an IP allowlist (behind a proxy: `trust proxy`).
    const answer = await this.verifier.verify(token, permission, request.ip ? { ip: request.ip } : {}).catch((error: unknown) => {
      // The error's name is enough to tell "no verifier" from "timed out"; the caller just gets 503.
      this.logger.warn(`verify failed: ${error instanceof Error ? error.name : 'unknown error'}`);
      throw UNAVAILABLE();
    });
    if (answer.code === 'VALID' && answer.workspaceId && answer.keyId) {
      return { workspaceId: answer.workspaceId, actor: answer.keyId, root: false, grants: answer.permissions ?? [], roles: answer.roles ?? [] };
    }
    const seconds = answer.code === 'RATE_LIMITED' ? retryAfterSeconds(answer.ratelimit, Date.now()) : undefined;
    if (seconds !== undefined) context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw (DENIALS[answer.code] ?? UNAUTHENTICATED)();
  }
}
