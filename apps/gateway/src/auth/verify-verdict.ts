import type { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { retryAfterSeconds } from '@keyward/client';
import { ErrorCodes, type VerifyAnswer, type VerifyCode } from '@keyward/contracts';
import { ApiError } from '../errors/api-error';
import type { Principal } from './principal';

export const UNAUTHENTICATED = (): ApiError => new ApiError(ErrorCodes.unauthenticated, 'send a valid key as "Authorization: Bearer <key>", or sign in');
const UNAVAILABLE = (): ApiError => new ApiError(ErrorCodes.unavailable, 'key verification is unavailable; try again shortly');

/** Denials that say more than "unauthenticated"; the rest reveal nothing about the key. */
const DENIALS: Partial<Record<VerifyCode, () => ApiError>> = {
  INSUFFICIENT_PERMISSIONS: () => new ApiError(ErrorCodes.forbidden, 'this key may not do that'),
  FORBIDDEN: () => new ApiError(ErrorCodes.forbidden, 'this key may not be used from this address'),
  RATE_LIMITED: () => new ApiError(ErrorCodes.rateLimited, 'this key is over its rate limit; retry after Retry-After seconds'),
  // As the client kit answers it: 429 (a refill or a top-up lets the call through later; 402 is the plan).
  USAGE_EXCEEDED: () => new ApiError(ErrorCodes.rateLimited, 'this key has too few credits left'),
  PLAN_UPGRADE_REQUIRED: () => new ApiError(ErrorCodes.planUpgradeRequired, 'the workspace plan does not include API access; upgrade it'),
  UNAVAILABLE,
};

/**
 * Asks the verifiers, turning "none answered" into 503. Only the error's name is logged: enough to
 * tell "no verifier" from "timed out", and never the request, which may hold a key.
 */
export const askVerifier = (logger: Logger, ask: () => Promise<VerifyAnswer>): Promise<VerifyAnswer> =>
  ask().catch((error: unknown) => {
    logger.warn(`verify failed: ${error instanceof Error ? error.name : 'unknown error'}`);
    throw UNAVAILABLE();
  });

/**
 * The caller a verify answer vouches for, or the error the request gets: the same for a bearer
 * key, a console session and a sign-in. A key over its rate limit gets `Retry-After` too.
 */
export const principalOfAnswer = (answer: VerifyAnswer, response: Pick<Response, 'setHeader'>, now = Date.now()): Principal => {
  if (answer.code === 'VALID' && answer.workspaceId && answer.keyId) {
    return { workspaceId: answer.workspaceId, actor: answer.keyId, root: false, grants: answer.permissions ?? [], roles: answer.roles ?? [] };
  }
  const seconds = answer.code === 'RATE_LIMITED' ? retryAfterSeconds(answer, now) : undefined;
  if (seconds !== undefined) response.setHeader('Retry-After', String(seconds));
  throw (DENIALS[answer.code] ?? UNAUTHENTICATED)();
};
