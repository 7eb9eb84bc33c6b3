import type { OutboundResponse } from './outbound.request';
import { PatternScanner } from './pattern-scanner';

const REDACTED = '[REDACTED]';

/** Runs this long or longer of the characters no escaping changes are redacted wherever they appear. */
export const MIN_REDACTED_RUN = 8;
/** Characters that URL encoding, JSON and HTML escaping all leave as they are. */
const UNESCAPED_RUN = new RegExp(`[A-Za-z0-9._~-]{${MIN_REDACTED_RUN},}`, 'g');

/**
 * The forms a third party may echo a secret in: as is, URL-encoded (path or form), JSON-escaped,
 * and — for any other escaping, e.g. a URL encoded twice — each run of `MIN_REDACTED_RUN` or more
 * characters that no escaping changes. Bounded by the secret: four encodings, and at most one run
 * per `MIN_REDACTED_RUN + 1` characters of it. Not found: the value with its case changed, cut
 * into runs shorter than that, or transformed otherwise (base64, hashed): README says so.
 */
export const redactionForms = (secret: string): string[] => [
  ...new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1), ...(secret.match(UNESCAPED_RUN) ?? [])]),
];

const redact = (text: string, scanner: PatternScanner): string => {
  const { spans } = scanner.scan(text);
  if (spans.length === 0) return text;
  let out = '';
  let from = 0;
  for (const span of spans) {
    out += text.slice(from, span.start) + REDACTED;
    from = span.end;
  }
  return out + text.slice(from);
};

/**
 * The answer with every form of the secret replaced, in headers (names too) and body, whatever
 * the third party echoed: one pass over each text for all forms at once (`PatternScanner`), so a
 * large answer costs its length, not its length times the forms; overlapping forms become one
 * `[REDACTED]`.
 */
export const redactSecret = (response: OutboundResponse, secret: string): OutboundResponse => {
  const scanner = new PatternScanner(redactionForms(secret));
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    headers[redact(name, scanner)] = Array.isArray(value) ? value.map((item) => redact(item, scanner)) : redact(value, scanner);
  }
  return { status: response.status, headers, body: redact(response.body, scanner) };
};
