import { createHash } from 'node:crypto';
import { validationError } from '../domain.error';
import { CONTROL_CHARACTER } from '../names';
import { isStorableText } from '../text/untrusted-input';

export const MAX_EXTERNAL_ID_LENGTH = 255;

/**
 * The caller's own id for an identity (product.md 9.2a), taken exactly as sent (an id is not
 * trimmed): 1 to 255 characters, counted as code points, no control characters, storable text.
 */
export const validExternalId = (raw: unknown, field = 'externalId'): string => {
  if (typeof raw !== 'string') throw validationError(field, `${field} must be a string`);
  const length = [...raw].length;
  if (length === 0 || length > MAX_EXTERNAL_ID_LENGTH) throw validationError(field, `${field} must be 1 to ${MAX_EXTERNAL_ID_LENGTH} characters`);
  if (CONTROL_CHARACTER.test(raw) || raw.trim() === '') throw validationError(field, `${field} must be printable characters`);
  if (!isStorableText(raw)) throw validationError(field, `${field} must be well-formed Unicode text`);
  return raw;
};

/**
 * The stream holding the claims on one external id of one workspace. Hashed: an external id may be
 * 255 characters of anything printable, a stream name should be short and plain.
 */
export const externalIdStreamId = (workspaceId: string, externalId: string): string =>
  `identity-external-${createHash('sha256').update(`${workspaceId}\0${externalId}`).digest('hex')}`;
