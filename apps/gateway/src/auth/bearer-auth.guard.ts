import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { Reflector } from '@nestjs/core';
import { authorizationHeaders, VerifyClient } from '@keyward/client';
import { afterIoTurn } from '@keyward/platform';
import { ErrorCodes } from '@keyward/contracts';
import { ApiError } from '../errors/api-error';
import type { GatewayRequest } from '../http/gateway-request';
import { presentedCredential } from './bearer-token';
import { ROOT_PRINCIPAL, type Principal } from './principal';
import { PUBLIC_ROUTE } from './public.decorator';
import { REQUIRED_PERMISSION } from './require-permission.decorator';
import { ROOT_ONLY } from './root-only.decorator';
import { RootKeyMatcher } from './root-key.matcher';
import { SessionAuthenticator } from '../session/session.authenticator';
import { askVerifier, principalOfAnswer, UNAUTHENTICATED } from './verify-verdict';

const AMBIGUOUS = (): ApiError => new ApiError(ErrorCodes.validationFailed, 'send exactly one Authorization header', [
  { field: 'authorization', message: 'more than one Authorization header: the credentials are ambiguous' },
]);
const ROOT_REQUIRED = (): ApiError => new ApiError(ErrorCodes.forbidden, 'only the root key may do this');

/**
 * Authenticates every route not marked `@Public()`: the root key, or a key that the verifiers
 * find VALID for the route's `@RequirePermission`; without an Authorization header, the console's
 * session cookie (SessionAuthenticator: the session's key, as the verifiers see it now). A request
 * with both is a bearer request: the cookie is not looked at. `@RootOnly()` routes refuse every other key with
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
    private readonly sessions: SessionAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const credential = presentedCredential(request.rawHeaders);
    if (credential === 'ambiguous') throw AMBIGUOUS();
    const permission = this.reflector.getAllAndOverride<string | undefined>(REQUIRED_PERMISSION, targets);
    const response = context.switchToHttp().getResponse<Response>();
    // Any Authorization header, even an unusable one, makes it a bearer request: the cookie is not a fallback.
    const bySession = credential === 'none' && authorizationHeaders(request.rawHeaders).length === 0;
    if (credential === 'none' && !bySession) throw UNAUTHENTICATED();
    const principal =
      credential === 'none' ? await this.sessions.authenticate(request, response, permission) : await this.authenticate(credential.token, permission, request, response);
    if (this.reflector.getAllAndOverride<boolean | undefined>(ROOT_ONLY, targets) && !principal.root) throw ROOT_REQUIRED();
    request.principal = principal;
    return true;
  }

  private async authenticate(token: string, permission: string | undefined, request: GatewayRequest, response: Response): Promise<Principal> {
    if (this.rootKey.matches(token)) return ROOT_PRINCIPAL;
    // With the other verifies of this turn, in one socket write.
    await afterIoTurn();
    // The caller's address, for a management key with an IP allowlist (behind a proxy: KEYWARD_TRUST_PROXY).
    return principalOfAnswer(await askVerifier(this.logger, () => this.verifier.verify(token, permission, request.ip ? { ip: request.ip } : {})), response);
  }
}
