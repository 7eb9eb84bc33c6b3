import { ErrorCodes, IDEMPOTENCY_WINDOW_MS, type EventMetadata } from '@keyward/contracts';
import { DomainError } from '@keyward/domain';

/** Where in a stream the events of an earlier attempt of the same request are: `[start, end)`. */
export interface EarlierAttempt {
  readonly start: number;
  readonly end: number;
}

/**
 * The events that an earlier attempt of this request (same `Idempotency-Key`, same workspace,
 * within 24 hours) appended to the stream, so that the repeat answers from them instead of deciding
 * again. One attempt appends all its events to a stream at once, so they are contiguous. The same
 * key on a request with another fingerprint (caller, route or body) is a CONFLICT. Events of
 * another workspace are not looked at: a foreign stream must answer like an unknown one.
 */
export const earlierAttempt = (stream: readonly { readonly metadata: EventMetadata }[], request: EventMetadata): EarlierAttempt | undefined => {
  const key = request.idempotencyKey;
  if (key === undefined) return undefined;
  const since = Date.parse(request.occurredAt) - IDEMPOTENCY_WINDOW_MS;
  let found: EarlierAttempt | undefined;
  stream.forEach(({ metadata }, i) => {
    if (metadata.idempotencyKey !== key || metadata.workspaceId !== request.workspaceId || !(Date.parse(metadata.occurredAt) > since)) return;
    if (metadata.requestFingerprint !== request.requestFingerprint) {
      throw new DomainError(ErrorCodes.conflict, 'this Idempotency-Key was used for another request; send a new key');
    }
    found = { start: found?.start ?? i, end: i + 1 };
  });
  return found;
};
