import { ErrorCodes } from '@keyward/contracts';
import { OutboundFailedError, OutboundRefusedError } from '@keyward/outbound';
import { ApiError } from '../../errors/api-error';

/** A refusal (nothing sent) is the caller's 400/403/413; a failure after sending is the third party's 502/504. Anything else stays as it is. */
export const outboundApiError = (error: unknown): unknown => {
  if (error instanceof OutboundRefusedError) {
    if (error.kind === 'forbidden') return new ApiError(ErrorCodes.forbidden, `nothing sent: ${error.message}`);
    if (error.kind === 'too-large') return new ApiError(ErrorCodes.payloadTooLarge, `nothing sent: the ${error.message}`);
    return ApiError.invalid([{ field: error.field, message: error.message }]);
  }
  if (error instanceof OutboundFailedError) {
    return error.kind === 'timeout' ? new ApiError(ErrorCodes.upstreamTimeout, error.message) : new ApiError(ErrorCodes.upstreamFailed, error.message);
  }
  return error;
};
