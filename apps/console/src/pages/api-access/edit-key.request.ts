import type { components } from '../../api/schema.generated';
import { isoToLocalInput, localInputToIso } from '../../ui/format';
import { listOf } from '../../ui/list-of';
import { editFieldsOf, keyFieldsFormOf, type KeyFieldsForm } from './key-fields.form';
import { windowOf } from './rate-window';

type Key = components['schemas']['KeyView'];
type UpdateKeyRequest = components['schemas']['UpdateKeyRequestDto'];

/** What the edit form holds: text as typed, so that a half-typed number is not lost. */
export interface EditKeyForm {
  name: string;
  /** `datetime-local`; empty: never expires. */
  expires: string;
  limited: boolean;
  limit: string;
  window: string;
  /** Seconds in one unit of `window`, one of WINDOW_UNITS. */
  unit: string;
  /** One address or CIDR range a line. */
  ipAllowlist: string;
  fields: KeyFieldsForm;
}

export const editFormOf = (key: Key): EditKeyForm => ({
  name: key.name,
  expires: isoToLocalInput(key.expiresAt),
  limited: key.ratelimit !== null,
  limit: key.ratelimit ? String(key.ratelimit.limit) : '100',
  ...(key.ratelimit ? windowOf(key.ratelimit.windowSeconds) : { window: '1', unit: '60' }),
  ipAllowlist: key.ipAllowlist.join('\n'),
  fields: keyFieldsFormOf(key),
});

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((entry, i) => entry === b[i]);

/**
 * Only what changed: PATCH keeps every field left out, so an untouched past expiry is not sent back
 * (the API would refuse it), nor an untouched live balance (it would be set anew); each change is one event in the key's history. Clearing sends `null`.
 */
export const editRequestOf = (key: Key, form: EditKeyForm): UpdateKeyRequest => {
  const request: UpdateKeyRequest = {};
  const name = form.name.trim();
  if (name !== key.name) request.name = name;
  if (form.expires !== isoToLocalInput(key.expiresAt)) request.expiresAt = localInputToIso(form.expires) ?? null;
  if (!form.limited) {
    if (key.ratelimit !== null) request.ratelimit = null;
  } else {
    const ratelimit = { limit: Number(form.limit), windowSeconds: Number(form.window) * Number(form.unit) };
    if (ratelimit.limit !== key.ratelimit?.limit || ratelimit.windowSeconds !== key.ratelimit.windowSeconds) request.ratelimit = ratelimit;
  }
  const ipAllowlist = listOf(form.ipAllowlist);
  if (!sameList(ipAllowlist, key.ipAllowlist)) request.ipAllowlist = ipAllowlist;
  return { ...request, ...editFieldsOf(key, form.fields) };
};
