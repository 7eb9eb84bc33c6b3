/** Error codes shared by the gateway (HTTP, product.md section 7) and the command bus. */
export const ErrorCodes = {
  validationFailed: 'VALIDATION_FAILED',
  unauthenticated: 'UNAUTHENTICATED',
  planUpgradeRequired: 'PLAN_UPGRADE_REQUIRED',
  forbidden: 'FORBIDDEN',
  routeNotFound: 'NOT_FOUND',
  keyNotFound: 'KEY_NOT_FOUND',
  roleNotFound: 'ROLE_NOT_FOUND',
  workspaceNotFound: 'WORKSPACE_NOT_FOUND',
  shareNotFound: 'SHARE_NOT_FOUND',
  credentialNotFound: 'CREDENTIAL_NOT_FOUND',
  webhookNotFound: 'WEBHOOK_NOT_FOUND',
  identityNotFound: 'IDENTITY_NOT_FOUND',
  keyRevoked: 'KEY_REVOKED',
  conflict: 'CONFLICT',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  rateLimited: 'RATE_LIMITED',
  unavailable: 'UNAVAILABLE',
  /** The broker's third party could not be reached or gave no usable answer (too large, broken). */
  upstreamFailed: 'UPSTREAM_FAILED',
  upstreamTimeout: 'UPSTREAM_TIMEOUT',
  internal: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface ErrorDetail {
  readonly field: string;
  readonly message: string;
}

/** The body of every gateway error response. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: readonly ErrorDetail[];
}
