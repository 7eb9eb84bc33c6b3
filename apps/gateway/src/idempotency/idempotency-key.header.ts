import type { IncomingMessage } from 'node:http';
import { isIdempotencyKey } from '@keyward/contracts';
import { ApiError } from '../errors/api-error';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

const refused = (message: string): ApiError => ApiError.invalid([{ field: IDEMPOTENCY_KEY_HEADER, message }]);

/**
 * The request's `Idempotency-Key`, or `undefined` when it sent none. Read from the raw headers:
 * Node.js would join two of them into one value, and two keys are ambiguous (400, like two
 * `Authorization` headers).
 */
export const idempotencyKeyOf = (request: Pick<IncomingMessage, 'rawHeaders'>): string | undefined => {
  const values = request.rawHeaders.filter((_, i, raw) => i % 2 === 1 && raw[i - 1].toLowerCase() === 'idempotency-key');
  if (values.length === 0) return undefined;
  if (values.length > 1) throw refused('send one Idempotency-Key header, not several');
  const [key] = values;
  if (!isIdempotencyKey(key)) throw refused('an Idempotency-Key is 1 to 255 printable ASCII characters');
  return key;
};
