import type { ErrorDetail } from '@keyward/contracts';
import { isLeakLocationText, MAX_LEAK_SOURCE_LENGTH, MAX_LEAK_URL_LENGTH } from '@keyward/domain';
import { ApiError } from '../errors/api-error';

/** One token a scanner found: GitHub's `[{ token, type, url, source }]`. */
export interface LeakReportEntry {
  readonly token: string;
  readonly type: string;
  readonly url?: string;
  readonly source?: string;
}

/** Far above what a scanner sends in one report; the body limit bounds it too. */
export const MAX_LEAK_REPORT_ENTRIES = 1_000;

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * The report's entries, judged one by one: a token of any length is kept (one that is no key of
 * ours is a `false_positive`), a url or source that cannot be kept (too long, no string, a NUL or a
 * lone surrogate) is dropped and its key still handled, so that one odd entry never refuses a
 * report the scanner would send again forever. Only what leaves nothing to answer a verdict for —
 * no list of 1 to 1,000, an entry without a token or a type — is a 400 naming each such field.
 */
export const parseLeakReport = (body: unknown): LeakReportEntry[] => {
  if (!Array.isArray(body) || body.length === 0 || body.length > MAX_LEAK_REPORT_ENTRIES) {
    throw ApiError.invalid([{ field: 'body', message: `a leak report is a list of 1 to ${MAX_LEAK_REPORT_ENTRIES} { token, type, url, source }` }]);
  }
  const details: ErrorDetail[] = [];
  const entries = body.map((entry: unknown, i): LeakReportEntry => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    for (const field of ['token', 'type'] as const) {
      if (!nonEmpty(e[field])) details.push({ field: `[${i}].${field}`, message: `${field} must be a non-empty string` });
    }
    const { token, type, url, source } = e;
    return {
      token: nonEmpty(token) ? token : '',
      type: nonEmpty(type) ? type : '',
      ...(isLeakLocationText(url, MAX_LEAK_URL_LENGTH) ? { url } : {}),
      ...(isLeakLocationText(source, MAX_LEAK_SOURCE_LENGTH) ? { source } : {}),
    };
  });
  if (details.length > 0) throw ApiError.invalid(details);
  return entries;
};
