import { DomainError } from '../domain.error';
import { inputProblem } from '../text/untrusted-input';
import { MAX_META_BYTES, MAX_META_DEPTH, NO_META, sameMeta, validMeta } from './json-meta';

const refused = (raw: unknown): boolean => {
  try {
    validMeta(raw);
    return false;
  } catch (error) {
    return error instanceof DomainError && error.field === 'meta';
  }
};

const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });

describe('json meta', () => {
  it('copies a JSON object and shares one empty value', () => {
    const raw = { plan: 'pro', seats: 3, tags: ['a', null, true], nested: { x: 1.5 } };
    const meta = validMeta(raw);
    expect(meta).toEqual(raw);
    expect(meta).not.toBe(raw);
    expect(validMeta({})).toBe(NO_META);
    expect(sameMeta(meta, validMeta(JSON.parse(JSON.stringify(raw))))).toBe(true);
  });

  it('keeps __proto__ an ordinary field and never sets a prototype', () => {
    const meta = validMeta(JSON.parse('{"__proto__":{"admin":true}}'));
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
    expect((meta as Record<string, unknown>).admin).toBeUndefined();
    expect(JSON.stringify(meta)).toBe('{"__proto__":{"admin":true}}');
  });

  it.each([
    ['not an object', 'x'],
    ['an array', [1]],
    ['null', null],
    ['a non-finite number', { n: Infinity }],
    ['a function', { f: () => 1 }],
    ['a date', { d: new Date(0) }],
    ['too deep', nested(MAX_META_DEPTH + 1)],
    ['too large', { s: 'x'.repeat(MAX_META_BYTES) }],
  ])('refuses %s', (_, raw) => {
    expect(refused(raw)).toBe(true);
  });

  it('accepts the largest and deepest allowed', () => {
    expect(refused(nested(MAX_META_DEPTH))).toBe(false);
    // …and a request carrying the deepest as a field is not refused as too deep before it gets here.
    expect(inputProblem({ meta: nested(MAX_META_DEPTH) })).toBeUndefined();
    expect(refused({ s: 'x'.repeat(MAX_META_BYTES - 8) })).toBe(false);
  });
});
