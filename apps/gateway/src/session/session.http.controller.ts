import { Body, Controller, Delete, Get, HttpCode, Logger, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { VerifyClient } from '@keyward/client';
import { ErrorCodes } from '@keyward/contracts';
import { mayUseConsole } from '@keyward/domain';
import { SessionStore } from '@keyward/sessions';
import { AnyKey } from '../auth/any-key.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ROOT_PRINCIPAL, type Principal } from '../auth/principal';
import { Public } from '../auth/public.decorator';
import { RootKeyMatcher } from '../auth/root-key.matcher';
import { askVerifier, principalOfAnswer } from '../auth/verify-verdict';
import { ApiError } from '../errors/api-error';
import { ApiErrors, AUTHENTICATION_ERRORS } from '../errors/api-errors.decorator';
import type { GatewayRequest } from '../http/gateway-request';
import { SessionAuthenticator } from './session.authenticator';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, SessionCookie, sessionIdsOf } from './session-cookie';
import { SessionDto } from './session.response.dto';
import { sessionView } from './session-view';
import { SignInLimiter } from './sign-in.limiter';
import { SignInRequestDto } from './sign-in.request.dto';

/**
 * The console's sign-in (product.md section 11). The key is checked exactly as a bearer key is,
 * then forgotten: the session keeps the key's id, and each request made with the cookie is
 * authorised as that key now.
 */
const NOT_FOR_CONSOLE = (): ApiError =>
  new ApiError(ErrorCodes.forbidden, 'this key cannot sign in to the console: it needs read access to keys, roles, audit, credentials or another management resource');

@ApiTags('session')
@Controller('v1/session')
export class SessionHttpController {
  private readonly logger = new Logger(SessionHttpController.name);

  constructor(
    private readonly store: SessionStore,
    private readonly rootKey: RootKeyMatcher,
    private readonly verifier: VerifyClient,
    private readonly limiter: SignInLimiter,
    private readonly sessions: SessionAuthenticator,
    private readonly cookie: SessionCookie,
  ) {}

  /**
   * Sets the HttpOnly session cookie; answers the CSRF token and who signed in. 401 for a key that
   * is not valid, as for a bearer; 403 for a key that may read no management resource. The
   * browser's previous session (any session cookie it sent) ends: no id lives on across a sign-in.
   */
  @Post()
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: SessionDto, description: `signed in; the session id is in the ${SECURE_SESSION_COOKIE} cookie (${SESSION_COOKIE} over plain http to loopback; HttpOnly, SameSite=Strict)` })
  @ApiErrors(...AUTHENTICATION_ERRORS, ErrorCodes.forbidden)
  async signIn(@Body() body: SignInRequestDto, @Req() request: GatewayRequest, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    const address = request.ip ?? 'unknown';
    const wait = this.limiter.retryAfterSeconds(address, Date.now());
    if (wait !== undefined) {
      response.setHeader('Retry-After', String(wait));
      throw new ApiError(ErrorCodes.rateLimited, 'too many failed sign-ins from this address; retry after Retry-After seconds');
    }
    const principal = await this.principalOf(body.key, request, response).catch((error: unknown) => {
      if (error instanceof ApiError && error.body.statusCode === 401) this.limiter.record(address, Date.now());
      throw error;
    });
    if (!principal.root && !mayUseConsole(principal.grants)) throw NOT_FOR_CONSOLE();
    for (const previous of sessionIdsOf(request)) await this.store.delete(previous);
    const session = await this.store.create({ keyId: principal.root ? null : principal.actor, workspaceId: principal.workspaceId });
    this.cookie.set(request, response, session.id);
    return sessionView(session, principal);
  }

  /** The current session, for a page that reloads: the CSRF token again, and the caller as authorised now. With a bearer key: who that key is, and no session. */
  @Get()
  @AnyKey()
  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOkResponse({ type: SessionDto })
  get(@Req() request: GatewayRequest, @CurrentPrincipal() principal: Principal): SessionDto {
    return sessionView(request.session, principal);
  }

  /** Ends the session on the server and clears the cookie; a write like any other, so it needs the CSRF token. Without a live session: nothing to end, 204. */
  @Delete()
  @HttpCode(204)
  @Public()
  @ApiNoContentResponse({ description: 'signed out' })
  @ApiErrors(ErrorCodes.forbidden, ErrorCodes.unavailable)
  async signOut(@Req() request: GatewayRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    const session = await this.sessions.sessionOf(request, response);
    if (typeof session === 'object') await this.store.delete(session.id);
    if (session !== 'ended') this.cookie.clear(request, response);
  }

  /** The key's principal, exactly as the bearer guard finds it (any valid key: the console shows what its permissions allow). */
  private async principalOf(key: string, request: GatewayRequest, response: Response): Promise<Principal> {
    if (this.rootKey.matches(key)) return ROOT_PRINCIPAL;
    return principalOfAnswer(await askVerifier(this.logger, () => this.verifier.verify(key, undefined, request.ip ? { ip: request.ip } : {})), response);
  }
}
