import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { VerifyClient } from '@keyward/client';
import { ErrorCodes, type VerifyCode } from '@keyward/contracts';
import { SessionStore } from '@keyward/sessions';
import { ApiError } from '../errors/api-error';
import type { GatewayRequest } from '../http/gateway-request';
import { ROOT_PRINCIPAL, type Principal } from '../auth/principal';
import { askVerifier, principalOfAnswer, UNAUTHENTICATED } from '../auth/verify-verdict';
import { isWrite, presentsCsrfToken, CSRF_HEADER } from './csrf-token';
import { clearSessionCookie, sessionIdOf } from './session-cookie';

const ENDED = (): ApiError => new ApiError(ErrorCodes.unauthenticated, 'the session has ended: sign in again');
const NO_CSRF = (): ApiError => new ApiError(ErrorCodes.forbidden, `a write with the session cookie needs the session's CSRF token in ${CSRF_HEADER}`);

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
  ) {}

  async authenticate(request: GatewayRequest, response: Response, permission: string | undefined): Promise<Principal> {
    const id = sessionIdOf(request);
    if (id === undefined) throw UNAUTHENTICATED();
    const session = await this.store.touch(id);
    if (!session) {
      clearSessionCookie(request, response);
      throw ENDED();
    }
    if (isWrite(request) && !presentsCsrfToken(request, session.csrfToken)) throw NO_CSRF();
    request.session = { id, ...session };
    if (session.keyId === null) return ROOT_PRINCIPAL;
    const { keyId } = session;
    const answer = await askVerifier(this.logger, () => this.verifier.verifyKeyId(keyId, permission, request.ip ? { ip: request.ip } : {}));
    if (GONE.has(answer.code)) {
      await this.store.deleteForKey(keyId);
      clearSessionCookie(request, response);
      throw ENDED();
    }
    return principalOfAnswer(answer, response);
  }
}
