import type { components } from './schema.generated';

type ErrorBody = components['schemas']['ErrorBody'];

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' && value !== null && 'code' in value && 'message' in value && typeof value.message === 'string';

/** What the person reads, by the code of product.md section 7: only these words, never the gateway's message (written for developers). */
const WORDS: Record<ErrorBody['code'], string> = {
  VALIDATION_FAILED: 'Some fields need a change.',
  UNAUTHENTICATED: 'Your session has ended or the key is not valid. Sign in again.',
  PLAN_UPGRADE_REQUIRED: "Your workspace's plan does not include this. Upgrade required.",
  FORBIDDEN: 'Your key is not allowed to do this.',
  NOT_FOUND: 'This no longer exists.',
  KEY_NOT_FOUND: 'This key no longer exists.',
  WORKSPACE_NOT_FOUND: 'This workspace no longer exists.',
  SHARE_NOT_FOUND: 'This share no longer exists.',
  ROLE_NOT_FOUND: 'This role no longer exists.',
  CREDENTIAL_NOT_FOUND: 'This credential no longer exists.',
  WEBHOOK_NOT_FOUND: 'This webhook no longer exists.',
  IDENTITY_NOT_FOUND: 'This identity no longer exists.',
  KEY_REVOKED: 'This key is already revoked.',
  CONFLICT: 'This conflicts with the current state.',
  RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
  PAYLOAD_TOO_LARGE: 'This is too large to send. Make it shorter.',
  UNAVAILABLE: 'Keyward is briefly unavailable. Try again in a moment.',
  UPSTREAM_FAILED: 'The other service answered with an error.',
  UPSTREAM_TIMEOUT: 'The other service did not answer in time.',
  INTERNAL: 'Something went wrong. Try again.',
};

/** A write refused for its CSRF token, not for the key: another tab signed in and replaced this tab's session. */
const STALE_SESSION = "This tab's session was replaced (you signed in again, maybe in another tab). It is up to date now: try again.";

/** Whether a refusal is the gateway's missing or stale CSRF token (FORBIDDEN with a detail on the X-CSRF-Token header). */
export const isCsrfRefusal = (body: unknown): boolean =>
  isErrorBody(body) && body.code === 'FORBIDDEN' && (body.details ?? []).some((detail) => detail.field === 'X-CSRF-Token');

/**
 * The field's words without its API name ("expiresAt must be…" → "Must be…"; a nested field's
 * message may name it by its path or by its own name alone): the form shows them under the field's label.
 */
const inWords = (field: string, message: string): string => {
  const name = [field, field.split('.').pop() ?? field].find((n) => message.startsWith(`${n} `));
  const rest = name ? message.slice(name.length + 1) : message;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
};

/** An API refusal: a sentence for the form, and the section 7 `details` by field (`permissions.calls` is shown at `permissions`' field too). */
export class ApiError extends Error {
  readonly fields: Record<string, string>;
  constructor(
    readonly status: number,
    readonly code: ErrorBody['code'] | 'NETWORK',
    message: string,
    details: ErrorBody['details'] = [],
  ) {
    super(message);
    this.fields = {};
    for (const { field, message: raw } of details) {
      const text = inWords(field, raw);
      this.fields[field] = this.fields[field] ? `${this.fields[field]} ${text}` : text;
      const top = field.split(/[.[]/)[0];
      if (top !== field) this.fields[top] = this.fields[top] ? `${this.fields[top]} ${text}` : text;
    }
  }
}

const toApiError = (status: number, error: unknown): ApiError => {
  if (!isErrorBody(error)) return new ApiError(status, 'INTERNAL', `The server answered ${status}. Try again.`);
  if (isCsrfRefusal(error)) return new ApiError(status, error.code, STALE_SESSION);
  return new ApiError(status, error.code, WORDS[error.code] ?? WORDS.INTERNAL, error.details);
};

/** The body of a successful answer, or an ApiError (a network failure is one too, in words). */
export const unwrap = async <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> => {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await call;
  } catch {
    throw new ApiError(0, 'NETWORK', 'Keyward cannot be reached. Check your connection and try again.');
  }
  if (!answer.response.ok) throw toApiError(answer.response.status, answer.error);
  return answer.data as T;
};

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : 'Something went wrong.');

/** A field the console refuses before asking (e.g. metadata that is not JSON): shown at the field as the API's refusals are. */
export const fieldRefusal = (field: string, message: string): ApiError => new ApiError(400, 'VALIDATION_FAILED', WORDS.VALIDATION_FAILED, [{ field, message }]);
