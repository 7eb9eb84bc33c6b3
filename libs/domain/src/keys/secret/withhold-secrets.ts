import type { SecretWithheld } from '@keyward/contracts';
import { isKeySecret } from './key-secret';

/** The answers that hand out a secret name it so: a create's or rotate's `key`, a new workspace's `adminKey`, a webhook's signing `secret`. */
const SECRET_FIELDS = new Set(['key', 'adminKey', 'secret']);
type SecretField = 'key' | 'adminKey' | 'secret';
/** A Standard Webhooks signing secret, wherever it is. */
const WEBHOOK_SECRET = /^whsec_/;

type Json = null | boolean | number | string | readonly Json[] | { readonly [field: string]: Json };

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An answer as a repeat of its request gives it (product.md section 7), the one place that says
 * how: the secret fields, and any string anywhere that is a Keyward key or a webhook secret, replaced by `null`, and
 * `secretAlreadyShown: true` added when anything was. The key format is checked too so that a
 * secret in a field added later cannot slip into a kept answer.
 */
export function withholdSecrets<Result extends { readonly [F in SecretField]?: string | null }>(
  result: Result,
): SecretWithheld<Result, Extract<keyof Result, SecretField>>;
export function withholdSecrets(body: unknown): Json;
export function withholdSecrets(body: unknown): Json {
  let withheld = false;
  const walk = (value: unknown, topLevelField?: string): Json => {
    if (typeof value === 'string') {
      if ((topLevelField !== undefined && SECRET_FIELDS.has(topLevelField)) || isKeySecret(value) || WEBHOOK_SECRET.test(value)) {
        withheld = true;
        return null;
      }
      return value;
    }
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([field, item]) => [field, walk(item)]));
    return typeof value === 'number' || typeof value === 'boolean' ? value : null;
  };
  const kept = isObject(body) ? Object.fromEntries(Object.entries(body).map(([field, item]) => [field, walk(item, field)])) : walk(body);
  return withheld && isObject(kept) ? { ...kept, secretAlreadyShown: true } : kept;
}
