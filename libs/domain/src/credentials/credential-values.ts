import { CredentialLocations, type CredentialLocation } from '@keyward/contracts';
import { validationError } from '../domain.error';
import { CONTROL_CHARACTER } from '../names';
import { isStorableText } from '../text/untrusted-input';

export const MAX_CREDENTIAL_VALUE_LENGTH = 8_192;
export const MAX_PARAMETER_NAME_LENGTH = 100;
/** The header a `bearer` credential always goes in. */
export const BEARER_PARAMETER = 'Authorization';

export const isCredentialLocation = (value: unknown): value is CredentialLocation => CredentialLocations.includes(value as CredentialLocation);

export const validLocation = (raw: string): CredentialLocation => {
  if (!isCredentialLocation(raw)) throw validationError('location', `location must be one of ${CredentialLocations.join(', ')}`);
  return raw;
};

/** RFC 9110 token: what a header field name may be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Unreserved URL characters: a query name the broker can place without any encoding. */
const QUERY_NAME = /^[A-Za-z0-9._~-]+$/;
/**
 * Headers (lowercase) the HTTP client sets, or that could change where or how a request goes: no
 * credential is placed in one, and the broker's callers may not set them either (libs/outbound).
 * `accept-encoding` is the client's so an answer is never compressed: a compressed answer could
 * not be searched for the value to redact.
 */
export const CLIENT_OWNED_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'expect',
  'accept-encoding',
]);

/**
 * The parameter the value goes in: for `bearer` always `Authorization` (naming another is a 400),
 * for `header` an HTTP header name the client does not own, for `query` an unreserved query name.
 */
export const validParameterName = (location: CredentialLocation, raw: string | undefined): string => {
  if (location === 'bearer') {
    if (raw !== undefined && raw.toLowerCase() !== BEARER_PARAMETER.toLowerCase()) throw validationError('parameterName', `a bearer credential always goes in ${BEARER_PARAMETER}`);
    return BEARER_PARAMETER;
  }
  if (raw === undefined) throw validationError('parameterName', `parameterName is required for a ${location} credential`);
  if (raw.length === 0 || raw.length > MAX_PARAMETER_NAME_LENGTH) throw validationError('parameterName', `parameterName must be 1 to ${MAX_PARAMETER_NAME_LENGTH} characters`);
  if (location === 'header') {
    if (!HEADER_NAME.test(raw)) throw validationError('parameterName', 'a header name is an HTTP token');
    if (CLIENT_OWNED_HEADERS.has(raw.toLowerCase())) throw validationError('parameterName', `${raw} is set by the HTTP client, not by a credential`);
    return raw;
  }
  if (!QUERY_NAME.test(raw)) throw validationError('parameterName', 'a query parameter name is letters, digits, and . _ ~ -');
  return raw;
};

/**
 * A value worth sealing: 1 to `MAX_CREDENTIAL_VALUE_LENGTH` characters that can travel in a header
 * or query (no control characters), checked by the gateway before it seals. Never trimmed: it is
 * someone else's secret, used exactly as given. The message never repeats the value.
 */
export const assertCredentialValue = (raw: string, field = 'value'): void => {
  const length = [...raw].length;
  if (length === 0 || length > MAX_CREDENTIAL_VALUE_LENGTH) throw validationError(field, `${field} must be 1 to ${MAX_CREDENTIAL_VALUE_LENGTH} characters`);
  if (CONTROL_CHARACTER.test(raw) || !isStorableText(raw)) throw validationError(field, `${field} must be text without control characters`);
};

/** What an HTTP header value may hold besides the control characters `assertCredentialValue` refuses: Latin-1 (RFC 9110's obs-text), as node's client allows. */
const HEADER_TEXT = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Whether the value can travel where its credential puts it: a query takes any text (URL-encoded),
 * a header or bearer token only Latin-1, so a value with a character above U+00FF is refused when
 * stored, rotated or moved there (400 naming `value`) rather than failing at every use.
 */
export const valueFitsLocation = (location: CredentialLocation, value: string): boolean => location === 'query' || HEADER_TEXT.test(value);

export const VALUE_NOT_HEADER_TEXT = 'value has characters above U+00FF, which an HTTP header cannot carry: only a query credential can hold it';

/** How many characters of a value the list shows, counted in code points like every length of a value. */
export const LAST_FOUR_LENGTH = 4;

/**
 * What the list shows of a value (product.md 9.4): its last 4 characters (code points, so an emoji
 * is one), none for a value of 8 characters or fewer, of which 4 would be half.
 */
export const lastFourOf = (value: string): string => {
  const characters = [...value];
  return characters.length > 2 * LAST_FOUR_LENGTH ? characters.slice(-LAST_FOUR_LENGTH).join('') : '';
};

/** A `lastFour` a command may carry: what `lastFourOf` answers for some value that `assertCredentialValue` takes (none, or 4 code points). */
export const isLastFour = (raw: string): boolean => {
  const length = [...raw].length;
  return (length === 0 || length === LAST_FOUR_LENGTH) && !CONTROL_CHARACTER.test(raw) && isStorableText(raw);
};
