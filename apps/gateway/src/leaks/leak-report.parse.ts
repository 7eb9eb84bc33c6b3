import type { ErrorDetail } from '@keyward/contracts';
import { MAX_LEAK_SOURCE_LENGTH, MAX_LEAK_URL_LENGTH } from '@keyward/domain';
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
/** No Keyward key is longer; a longer token is still answered (false_positive), not refused, up to this. */
const MAX_TOKEN_LENGTH = 1_000;
const MAX_TYPE_LENGTH = 200;

const text = (value: unknown, field: string, max: number, details: ErrorDetail[], required: boolean): string | undefined => {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || (required && value.length === 0) || value.length > max) {
    details.push({ field, message: `${field} must be ${required ? 'a non-empty ' : 'a '}string of at most ${max} characters` });
    return undefined;
  }
  return value;
};

/** The report's entries, or a 400 naming each bad field (`[i].token`…). */
export const parseLeakReport = (body: unknown): LeakReportEntry[] => {
  if (!Array.isArray(body) || body.length === 0 || body.length > MAX_LEAK_REPORT_ENTRIES) {
    throw ApiError.invalid([{ field: 'body', message: `a leak report is a list of 1 to ${MAX_LEAK_REPORT_ENTRIES} { token, type, url, source }` }]);
  }
  const details: ErrorDetail[] = [];
  const entries = body.map((entry: unknown, i): LeakReportEntry => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      details.push({ field: `[${i}]`, message: 'each entry is an object { token, type, url, source }' });
      return { token: '', type: '' };
    }
    const e = entry as Record<string, unknown>;
    const token = text(e.token, `[${i}].token`, MAX_TOKEN_LENGTH, details, true) ?? '';
    const type = text(e.type, `[${i}].type`, MAX_TYPE_LENGTH, details, true) ?? '';
    const url = text(e.url, `[${i}].url`, MAX_LEAK_URL_LENGTH, details, false);
    const source = text(e.source, `[${i}].source`, MAX_LEAK_SOURCE_LENGTH, details, false);
    return { token, type, ...(url === undefined ? {} : { url }), ...(source === undefined ? {} : { source }) };
  });
  if (details.length > 0) throw ApiError.invalid(details);
  return entries;
};
