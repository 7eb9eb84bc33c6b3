import fc from 'fast-check';
import { inputProblem, isStorableText, MAX_INPUT_DEPTH } from './untrusted-input';

const nested = (depth: number, inner: unknown = 1): unknown => {
  let value = inner;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
};

describe('storable text', () => {
  it.each([
    ['plain text', 'orders service'],
    ['letters of any script and emoji (surrogate pairs)', 'Zahlungsdienst – 注文 🔑'],
    ['the empty string', ''],
  ])('accepts %s', (_, text) => {
    expect(isStorableText(text)).toBe(true);
  });

  it.each([
    ['a lone high surrogate', 'a\ud800'],
    ['a lone low surrogate', '\udc00b'],
    ['a pair in the wrong order', '\udc00\ud800'],
    ['NUL', 'a\u0000b'],
  ])('refuses %s', (_, text) => {
    expect(isStorableText(text)).toBe(false);
  });

  it('accepts exactly the strings that survive a round trip through UTF-8 and hold no NUL (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const roundTrips = Buffer.from(text, 'utf8').toString('utf8') === text;
        expect(isStorableText(text)).toBe(roundTrips && !text.includes('\u0000'));
      }),
      { seed: 6_004, numRuns: 2_000 },
    );
  });
});

describe('input problems', () => {
  it('finds none in ordinary requests', () => {
    expect(inputProblem({ name: 'x', roles: ['read-only'], permissions: { calls: 'read' } })).toBeUndefined();
    expect(inputProblem({ settings: { resourceCatalogue: [{ resource: 'calls', group: 'Calls' }] } })).toBeUndefined();
    expect(inputProblem(null)).toBeUndefined();
    expect(inputProblem('plain')).toBeUndefined();
  });

  it(`allows ${MAX_INPUT_DEPTH} levels of objects and lists, not one more`, () => {
    expect(inputProblem(nested(MAX_INPUT_DEPTH))).toBeUndefined();
    expect(inputProblem(nested(MAX_INPUT_DEPTH + 1))).toBe('too deep');
  });

  it('refuses a body nested 100,000 levels deep without exhausting the stack', () => {
    expect(inputProblem(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toBe('too deep');
  });

  it('finds unstorable text in values and in field names, at any depth', () => {
    expect(inputProblem({ name: 'a\ud800' })).toBe('unstorable text');
    expect(inputProblem({ permissions: { 'calls\ud800': 'read' } })).toBe('unstorable text');
    expect(inputProblem({ a: [{ b: ['ok', 'x\u0000'] }] })).toBe('unstorable text');
    expect(inputProblem(JSON.parse('{"name":"a\\udc00"}'))).toBe('unstorable text');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('refuses a field named %s, at any depth', (name) => {
    expect(inputProblem(JSON.parse(`{"${name}":1}`))).toBe('reserved name');
    expect(inputProblem(JSON.parse(`{"permissions":{"${name}":"read"}}`))).toBe('reserved name');
    expect(inputProblem({ name: name })).toBeUndefined();
  });
});
