import { MAX_INPUT_DEPTH } from '@keyward/domain';
import { untrustedInputError } from './untrusted-input.middleware';

const deep = (levels: number): unknown => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);

describe('untrustedInputError', () => {
  it('lets ordinary bodies and queries through', () => {
    expect(untrustedInputError({ body: { name: 'orders 🔑', permissions: { calls: 'read' } }, query: { search: 'ord' } })).toBeUndefined();
    expect(untrustedInputError({ body: undefined, query: {} })).toBeUndefined();
  });

  it.each([
    ['a lone surrogate in the body', { body: JSON.parse('{"name":"a\\ud800"}'), query: {} }, 'well-formed Unicode'],
    ['a lone surrogate in a field name', { body: { 'x\udc00': 1 }, query: {} }, 'well-formed Unicode'],
    ['NUL in the query', { body: undefined, query: { search: 'a\u0000' } }, 'well-formed Unicode'],
    ['a body nested 2,000 levels deep', { body: deep(2_000), query: {} }, `${MAX_INPUT_DEPTH} levels`],
  ])('answers %s with 400 VALIDATION_FAILED', (_, request, message) => {
    const error = untrustedInputError(request);
    expect(error?.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(error?.body.message).toContain(message);
  });
});
