import type { components } from './schema.generated';

type ErrorBody = components['schemas']['ErrorBody'];

/** What the person reads, by the code of product.md section 7; the gateway's own message is added when it says more. */
const WORDS: Partial<Record<ErrorBody['code'], string>> = {
  VALIDATION_FAILED: 'Some fields need a change.',
  UNAUTHENTICATED: 'Your session has ended or the key is not valid. Sign in again.',
  PLAN_UPGRADE_REQUIRED: "Your workspace's plan does not include this. Upgrade required.",
  FORBIDDEN: 'Your key is not allowed to do this.',
  KEY_NOT_FOUND: 'This key no longer exists.',
  ROLE_NOT_FOUND: 'This role no longer exists.',
  CREDENTIAL_NOT_FOUND: 'This credential no longer exists.',
  WEBHOOK_NOT_FOUND: 'This webhook no longer exists.',
  KEY_REVOKED: 'This key is already revoked.',
  CONFLICT: 'This conflicts with the current state.',
  RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
  UNAVAILABLE: 'Keyward is briefly unavailable. Try again in a moment.',
};

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

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' && value !== null && 'code' in value && 'message' in value && typeof value.message === 'string';

const toApiError = (status: number, error: unknown): ApiError => {
  if (!isErrorBody(error)) return new ApiError(status, 'INTERNAL', `The server answered ${status}. Try again.`);
  const words = WORDS[error.code];
  const message = words && words !== error.message && error.code !== 'VALIDATION_FAILED' ? `${words} ${error.message}` : (words ?? error.message);
  return new ApiError(status, error.code, message, error.details);
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
