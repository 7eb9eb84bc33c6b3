import { validationError } from '../domain.error';
import { isStorableText } from '../text/untrusted-input';

/** Long enough for any URL a scanner reports (a file in a commit of a repository). */
export const MAX_LEAK_URL_LENGTH = 2_048;
/** `content`, `commit`, `pull_request_comment`, … */
export const MAX_LEAK_SOURCE_LENGTH = 100;

/** A report is named by the hex SHA-256 of its raw body (product.md 9.5). */
export const isLeakReportId = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

/** Text a report's url (`MAX_LEAK_URL_LENGTH`) or source (`MAX_LEAK_SOURCE_LENGTH`) may be kept as. */
export const isLeakLocationText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max && isStorableText(value);

const validText = (value: string | undefined, field: string, max: number): string | undefined => {
  if (value === undefined) return undefined;
  if (!isLeakLocationText(value, max)) throw validationError(field, `${field} is text of at most ${max} characters`);
  return value;
};

/** The report's own words about where a key was found, as kept on `KeyLeakReported`. */
export const validLeakLocation = (url: string | undefined, source: string | undefined): { url?: string; source?: string } => {
  const validUrl = validText(url, 'url', MAX_LEAK_URL_LENGTH);
  const validSource = validText(source, 'source', MAX_LEAK_SOURCE_LENGTH);
  return { ...(validUrl === undefined ? {} : { url: validUrl }), ...(validSource === undefined ? {} : { source: validSource }) };
};
