import { OutboundRefusedError } from './outbound.errors';
import type { OutboundRequest, OutboundResponse } from './outbound.request';

/** Where a secret goes: a header by its name, a query parameter by its name, or `Authorization: Bearer`. */
export interface SecretPlacement {
  readonly location: 'header' | 'query' | 'bearer';
  readonly parameterName: string;
}

const BEARER_HEADER = 'authorization';

/**
 * The request with the secret in its place. A caller's header or query parameter of the same name
 * (any case) is refused rather than overwritten, so no caller can mistake whose value went out.
 */
export const placeSecret = (request: OutboundRequest, placement: SecretPlacement, secret: string): OutboundRequest => {
  if (placement.location === 'query') {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      throw new OutboundRefusedError('invalid', 'url must be an absolute URL');
    }
    const name = placement.parameterName.toLowerCase();
    if ([...url.searchParams.keys()].some((key) => key.toLowerCase() === name)) {
      throw new OutboundRefusedError('invalid', `the query parameter ${placement.parameterName} is the credential's own`);
    }
    url.searchParams.append(placement.parameterName, secret);
    return { ...request, url: url.href };
  }
  const header = placement.location === 'bearer' ? BEARER_HEADER : placement.parameterName.toLowerCase();
  if (Object.keys(request.headers).some((name) => name.toLowerCase() === header)) {
    throw new OutboundRefusedError('invalid', `the header ${placement.location === 'bearer' ? 'Authorization' : placement.parameterName} is the credential's own`, 'headers');
  }
  return { ...request, headers: { ...request.headers, [header]: placement.location === 'bearer' ? `Bearer ${secret}` : secret } };
};

const REDACTED = '[REDACTED]';

/** Characters that URL encoding, JSON and HTML escaping all leave as they are. */
const UNESCAPED_RUN = /[A-Za-z0-9._~-]{5,}/g;

/**
 * The forms a third party may echo a secret in: as is, URL-encoded (path or form), JSON-escaped,
 * and — for any other escaping, e.g. a URL encoded twice — each run of 5 or more characters that
 * no escaping changes, so no such echo leaves more than a few characters of it together. Longest
 * first, so a longer form is replaced before a shorter one inside it.
 */
const formsOf = (secret: string): string[] =>
  [...new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1), ...(secret.match(UNESCAPED_RUN) ?? [])])].sort(
    (a, b) => b.length - a.length,
  );

const redact = (text: string, forms: readonly string[]): string => forms.reduce((out, form) => out.split(form).join(REDACTED), text);

/** The answer with every form of the secret replaced, in headers (names too) and body, whatever the third party echoed. */
export const redactSecret = (response: OutboundResponse, secret: string): OutboundResponse => {
  const forms = formsOf(secret);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    headers[redact(name, forms)] = Array.isArray(value) ? value.map((item) => redact(item, forms)) : redact(value, forms);
  }
  return { status: response.status, headers, body: redact(response.body, forms) };
};
