import { HttpException } from '@nestjs/common';
import { ErrorCodes, type ErrorBody, type ErrorCode, type ErrorDetail } from '@keyward/contracts';

/** The HTTP status of each error code (product.md section 7); the OpenAPI document groups codes by it. */
export const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  [ErrorCodes.validationFailed]: 400,
  [ErrorCodes.unauthenticated]: 401,
  [ErrorCodes.planUpgradeRequired]: 402,
  [ErrorCodes.forbidden]: 403,
  [ErrorCodes.routeNotFound]: 404,
  [ErrorCodes.keyNotFound]: 404,
  [ErrorCodes.roleNotFound]: 404,
  [ErrorCodes.workspaceNotFound]: 404,
  [ErrorCodes.shareNotFound]: 404,
  [ErrorCodes.credentialNotFound]: 404,
  [ErrorCodes.webhookNotFound]: 404,
  [ErrorCodes.identityNotFound]: 404,
  [ErrorCodes.keyRevoked]: 409,
  [ErrorCodes.conflict]: 409,
  [ErrorCodes.payloadTooLarge]: 413,
  [ErrorCodes.rateLimited]: 429,
  [ErrorCodes.internal]: 500,
  [ErrorCodes.upstreamFailed]: 502,
  [ErrorCodes.unavailable]: 503,
  [ErrorCodes.upstreamTimeout]: 504,
};

/** Codes arrive from other services too; only the ones we know have a status. */
export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(STATUS_OF, code);

/** Every failure the gateway answers, already in the shape of the error body. */
export class ApiError extends HttpException {
  constructor(code: ErrorCode, message: string, details?: readonly ErrorDetail[]) {
    const body: ErrorBody = { statusCode: STATUS_OF[code], code, message, ...(details?.length ? { details } : {}) };
    super(body, body.statusCode);
  }

  get body(): ErrorBody {
    return this.getResponse() as ErrorBody;
  }

  static internal(): ApiError {
    return new ApiError(ErrorCodes.internal, 'internal error');
  }

  static invalid(details: readonly ErrorDetail[]): ApiError {
    return new ApiError(ErrorCodes.validationFailed, 'the request is not valid', details);
  }
}
