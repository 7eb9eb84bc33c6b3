import { fieldRefusal } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { formatMeta } from './key-fields.format';
import { windowOf } from './rate-window';

type Key = components['schemas']['KeyView'];
type CreditsRequest = NonNullable<components['schemas']['CreateKeyRequestDto']['credits']>;
type Meta = Key['meta'];
type NamedRateLimit = components['schemas']['NamedRateLimitInput'];

/** The API's bound on named limits per key (product.md 9.2a). */
export const MAX_NAMED_LIMITS = 10;

export const REFILLS = [
  { value: '', label: 'Never' },
  { value: 'daily', label: 'Daily (UTC midnight)' },
  { value: 'monthly', label: 'Monthly (1st, 00:00 UTC)' },
] as const;

/** Credits as the form holds them: text as typed. */
export interface CreditsForm {
  limited: boolean;
  remaining: string;
  /** One of REFILLS' values; empty: no refill. */
  refill: string;
  refillAmount: string;
}

/** A named limit as the form holds it: text as typed, the window in a unit of WINDOW_UNITS. */
export interface NamedLimitForm {
  name: string;
  limit: string;
  window: string;
  unit: string;
  autoApply: boolean;
}

export const NEW_NAMED_LIMIT: NamedLimitForm = { name: '', limit: '100', window: '1', unit: '60', autoApply: true };

/** The credits, named limits and metadata a key is created or edited with. */
export interface KeyFieldsForm {
  credits: CreditsForm;
  ratelimits: NamedLimitForm[];
  /** JSON text; empty: none. */
  meta: string;
}

export const creditsFormOf = (credits: Key['credits']): CreditsForm => ({
  limited: Boolean(credits),
  remaining: credits ? String(credits.remaining) : '1000',
  refill: credits?.refill?.interval ?? '',
  refillAmount: credits?.refill ? String(credits.refill.amount) : credits ? String(credits.remaining) : '1000',
});

export const keyFieldsFormOf = (key?: Key): KeyFieldsForm => ({
  credits: creditsFormOf(key?.credits),
  ratelimits: (key?.ratelimits ?? []).map((limit) => ({ name: limit.name, limit: String(limit.limit), ...windowOf(limit.windowSeconds), autoApply: limit.autoApply })),
  meta: key && Object.keys(key.meta).length > 0 ? formatMeta(key.meta) : '',
});

/** `null`: no credits (unlimited). Numbers are checked by the API, which names the nested field. */
export const creditsOf = (form: CreditsForm): CreditsRequest | null => {
  if (!form.limited) return null;
  const remaining = Number(form.remaining);
  return form.refill === 'daily' || form.refill === 'monthly' ? { remaining, refill: { interval: form.refill, amount: Number(form.refillAmount) } } : { remaining };
};

/** Numbers and names are checked by the API, which names each entry's field (`ratelimits.0.name`). */
export const namedLimitsOf = (forms: readonly NamedLimitForm[]): NamedRateLimit[] =>
  forms.map((form) => ({ name: form.name.trim(), limit: Number(form.limit), windowSeconds: Number(form.window) * Number(form.unit), autoApply: form.autoApply }));

const sameNamedLimits = (a: readonly NamedRateLimit[], b: readonly NamedRateLimit[]): boolean =>
  a.length === b.length && a.every((x, i) => x.name === b[i].name && x.limit === b[i].limit && x.windowSeconds === b[i].windowSeconds && x.autoApply === b[i].autoApply);

const isObject = (value: unknown): value is Meta => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The metadata typed, `undefined` when empty; text that is not a JSON object is refused at the field before asking the API. */
export const metaOf = (text: string): Meta | undefined => {
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw fieldRefusal('meta', 'Must be JSON, e.g. {"plan": "pro"}.');
  }
  if (!isObject(parsed)) throw fieldRefusal('meta', 'Must be a JSON object: {…}, not a list or a single value.');
  return parsed;
};

const sameCredits = (a: CreditsForm, b: CreditsForm): boolean =>
  a.limited === b.limited && (!a.limited || (a.remaining === b.remaining && a.refill === b.refill && (a.refill === '' || a.refillAmount === b.refillAmount)));

/** On create: only what was set. */
export const createFieldsOf = (form: KeyFieldsForm): { credits?: CreditsRequest; ratelimits?: NamedRateLimit[]; meta?: Meta } => {
  const credits = creditsOf(form.credits);
  const meta = metaOf(form.meta);
  return { ...(credits ? { credits } : {}), ...(form.ratelimits.length > 0 ? { ratelimits: namedLimitsOf(form.ratelimits) } : {}), ...(meta ? { meta } : {}) };
};

/**
 * On edit: only what changed from the form as it opened. Credits sent set the balance anew (a new
 * generation: what was spent no longer counts), so an untouched live balance is never sent back.
 */
export const editFieldsOf = (key: Key, form: KeyFieldsForm): { credits?: CreditsRequest | null; ratelimits?: NamedRateLimit[]; meta?: Meta | null } => {
  const opened = keyFieldsFormOf(key);
  const fields: { credits?: CreditsRequest | null; ratelimits?: NamedRateLimit[]; meta?: Meta | null } = {};
  if (!sameCredits(form.credits, opened.credits)) fields.credits = creditsOf(form.credits);
  // The whole list when any entry changed (the API replaces it); `[]`: none.
  const ratelimits = namedLimitsOf(form.ratelimits);
  if (!sameNamedLimits(ratelimits, key.ratelimits)) fields.ratelimits = ratelimits;
  if (form.meta !== opened.meta) {
    // Reformatted but the same JSON: nothing to record.
    const meta = metaOf(form.meta) ?? {};
    if (JSON.stringify(meta) !== JSON.stringify(key.meta)) fields.meta = Object.keys(meta).length > 0 ? meta : null;
  }
  return fields;
};
