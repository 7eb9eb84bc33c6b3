import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const NOT_IDEMPOTENT = 'keyward:not-idempotent';

/**
 * A write whose answers are never kept by the idempotency layer: the broker's, which hold a third
 * party's data (perhaps personal, perhaps an echo of the value under an escaping redaction missed)
 * and may be megabytes. An `Idempotency-Key` on it is refused with 400 rather than ignored, so no
 * caller retries a payment believing the repeat will not be sent. Published as `x-not-idempotent`.
 */
export const NotIdempotent = (): MethodDecorator => applyDecorators(SetMetadata(NOT_IDEMPOTENT, true), ApiExtension('x-not-idempotent', true));
