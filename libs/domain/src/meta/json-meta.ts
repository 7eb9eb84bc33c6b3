import type { JsonObject, JsonValue } from '@keyward/contracts';
import { validationError } from '../domain.error';
import { MAX_INPUT_DEPTH } from '../text/untrusted-input';

/** product.md 9.2a: metadata is a JSON object of at most 8 KB (as UTF-8 JSON). */
export const MAX_META_BYTES = 8_192;
/**
 * Deep enough for any real record, shallow enough that no reader recurses far. One less than any
 * request's depth (untrusted-input.ts): metadata arrives as a field of a body or a command, and a
 * value this rule accepts must not be refused on the way in.
 */
export const MAX_META_DEPTH = MAX_INPUT_DEPTH - 1;

/** Metadata left out or cleared: one shared, frozen value. */
export const NO_META: JsonObject = Object.freeze({});

/** What JSON.parse makes (class-validator's input included); a Date, a Map or a class instance is not JSON. */
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * A copy made of own enumerable fields into null-free plain objects: `__proto__` stays an ordinary
 * field (defineProperty), so no prototype is ever set from input. Undefined only for non-JSON.
 */
const copied = (value: unknown, depth: number): JsonValue | undefined => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (depth >= MAX_META_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const item of value) {
      const copy = copied(item, depth + 1);
      if (copy === undefined) return undefined;
      items.push(copy);
    }
    return items;
  }
  if (!isPlainObject(value)) return undefined;
  const object: Record<string, JsonValue> = {};
  for (const field of Object.keys(value)) {
    const copy = copied(value[field], depth + 1);
    if (copy === undefined) return undefined;
    Object.defineProperty(object, field, { value: copy, enumerable: true, writable: true, configurable: true });
  }
  return object;
};

/** Untrusted input as metadata: a JSON object within the size and depth limits, copied. */
export const validMeta = (raw: unknown, field = 'meta'): JsonObject => {
  if (!isPlainObject(raw)) throw validationError(field, `${field} must be a JSON object`);
  const copy = copied(raw, 0) as JsonObject | undefined; // an object in, an object out
  if (copy === undefined) throw validationError(field, `${field} must be JSON (finite numbers, at most ${MAX_META_DEPTH} levels deep)`);
  if (Buffer.byteLength(JSON.stringify(copy), 'utf8') > MAX_META_BYTES) throw validationError(field, `${field} must be at most ${MAX_META_BYTES} bytes as JSON`);
  return Object.keys(copy).length === 0 ? NO_META : copy;
};

/** Same JSON, field order included (what the events and answers carry). */
export const sameMeta = (a: JsonObject, b: JsonObject): boolean => JSON.stringify(a) === JSON.stringify(b);
