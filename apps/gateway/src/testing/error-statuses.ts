import { ErrorCodes, type ErrorCode } from '@keyward/contracts';

/** The status of each error code as product.md section 7 has it, written out once for the tests. */
export const EXPECTED_STATUSES: readonly (readonly [ErrorCode, number])[] = [
  [ErrorCodes.validationFailed, 400],
  [ErrorCodes.unauthenticated, 401],
  [ErrorCodes.planUpgradeRequired, 402],
  [ErrorCodes.forbidden, 403],
  [ErrorCodes.routeNotFound, 404],
  [ErrorCodes.keyNotFound, 404],
  [ErrorCodes.roleNotFound, 404],
  [ErrorCodes.workspaceNotFound, 404],
  [ErrorCodes.shareNotFound, 404],
  [ErrorCodes.credentialNotFound, 404],
  [ErrorCodes.webhookNotFound, 404],
  [ErrorCodes.keyRevoked, 409],
  [ErrorCodes.conflict, 409],
  [ErrorCodes.payloadTooLarge, 413],
  [ErrorCodes.rateLimited, 429],
  [ErrorCodes.internal, 500],
  [ErrorCodes.upstreamFailed, 502],
  [ErrorCodes.unavailable, 503],
  [ErrorCodes.upstreamTimeout, 504],
];
