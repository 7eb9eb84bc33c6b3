import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { VerifyClient } from '@keyward/client';
import { ErrorCodes, type VerifyCode } from '@keyward/contracts';
import { SessionStore } from '@keyward/sessions';
import type { ConsoleSession } from '@keyward/sessions';
import { ApiError } from '../errors/api-error';
import type { GatewayRequest } from '../http/gateway-request';
import { ROOT_PRINCIPAL, type Principal } from '../auth/principal';
import { askVerifier, principalOfAnswer, UNAUTHENTICATED } from '../auth/verify-verdict';
import { isWrite, presentsCsrfToken, CSRF_HEADER } from './csrf-token';
import { SessionCookie, sessionIdsOf } from './session-cookie';

const ENDED = (): ApiError => new ApiError(ErrorCodes.unauthenticated, 'the session has ended: sign in again');
/** Its own detail, so that the console can tell a stale token (another tab signed in) from a key's missing permission. */
const NO_CSRF = (): ApiError =>
  new ApiError(ErrorCodes.forbidden, `a write with the session cookie needs the session's CSRF token in ${CSRF_HEADER}`, [
    { field: CSRF_HEADER, message: `${CSRF_HEADER} is missing or is not this session's token` },
  ]);

/** A live session as the request presents it; `id` is the cookie's value. */
export type LiveSession = ConsoleSession & { readonly id: string };

/** What the verifiers answer for a key that will never be valid again: its sessions end with it. */
const GONE: ReadonlySet<VerifyCode> = new Set(['REVOKED', 'EXPIRED', 'NOT_FOUND']);

/**
 * A request with the console's session cookie and no Authorization header: the session must be
 * live (not idle, not too old), a write must carry its CSRF token, and its key must be valid NOW,
 * as the verifiers see it by id, for the route's permission. The key itself was never kept, so
 * revoking it ends its sessions at their next request (and deletes them).
 */
@Injectable()
export class SessionAuthenticator {
  private readonly logger = new Logger(SessionAuthenticator.name);

  constructor(
    private readonly store: SessionStore,
    private readonly verifier: VerifyClient,
    private readonly cookie: SessionCookie,
  ) {}

  async authenticate(request: GatewayRequest, response: Response, permission: string | undefined): Promise<Principal> {
    const session = await this.sessionOf(request, response);
    if (session === 'none') throw UNAUTHENTICATED();
    if (session === 'ended') throw ENDED();
    request.session = session;
    if (session.keyId === null) return ROOT_PRINCIPAL;
    const { keyId } = session;
    const answer = await askVerifier(this.logger, () => this.verifier.verifyKeyId(keyId, permission, request.ip ? { ip: request.ip } : {}));
    if (GONE.has(answer.code)) {
      await this.store.deleteForKey(keyId);
      this.cookie.clear(request, response);
      throw ENDED();
    }
    return principalOfAnswer(answer, response);
  }

  /**
   * The request's live session (touched), for every route the cookie may serve, sign-out included:
   * `none` without a cookie; `ended` (and the cookie cleared) for a session the store no longer has
   * or for several session cookies at once (one may have been planted: none is trusted). A write
   * without the session's CSRF token is refused here.
   */
  async sessionOf(request: GatewayRequest, response: Response): Promise<LiveSession | 'none' | 'ended'> {
    const ids = sessionIdsOf(request);
    const [id] = ids;
    if (id === undefined) return 'none';
    const session = ids.length === 1 ? await this.store.touch(id) : undefined;
    if (!session) {
      this.cookie.clear(request, response);
      return 'ended';
    }
    if (isWrite(request) && !presentsCsrfToken(request, session.csrfToken)) throw NO_CSRF();
    return { id, ...session };
  }
}
