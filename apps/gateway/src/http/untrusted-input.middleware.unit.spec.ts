import { MAX_INPUT_DEPTH } from '@keyward/domain';
import { untrustedInputError } from './untrusted-input.middleware';

const to = (path: string, method = 'POST') => ({ method, path });

const deep = (levels: number): unknown => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);

describe('untrustedInputError', () => {
  it('lets ordinary bodies and queries through', () => {
    expect(untrustedInputError({ ...to('/v1/keys'), body: { name: 'orders 🔑', permissions: { calls: 'read' } }, query: { search: 'ord' } })).toBeUndefined();
    expect(untrustedInputError({ ...to('/v1/keys'), body: undefined, query: {} })).toBeUndefined();
  });

  it.each([
    ['a lone surrogate in the body', { body: JSON.parse('{"name":"a\\ud800"}'), query: {} }, 'well-formed Unicode'],
    ['a lone surrogate in a field name', { body: { 'x\udc00': 1 }, query: {} }, 'well-formed Unicode'],
    ['NUL in the query', { body: undefined, query: { search: 'a\u0000' } }, 'well-formed Unicode'],
    ['a body nested 2,000 levels deep', { body: deep(2_000), query: {} }, `${MAX_INPUT_DEPTH} levels`],
  ])('answers %s with 400 VALIDATION_FAILED', (_, request, message) => {
    const error = untrustedInputError({ ...to('/v1/keys'), ...request });
    expect(error?.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(error?.body.message).toContain(message);
  });

  it('leaves the body of a route that judges its own fields to it (leak reports, revoke-by-secret), not its query', () => {
    const nul = { body: [{ token: 'x', type: 'y', url: 'a\u0000' }], query: {} };
    expect(untrustedInputError({ ...to('/v1/leaks'), ...nul })).toBeUndefined();
    expect(untrustedInputError({ ...to('/V1/Keys/revoke-leaked/'), body: deep(2_000), query: {} })).toBeUndefined();
    expect(untrustedInputError({ ...to('/v1/leaks', 'GET'), ...nul })).toBeDefined();
    expect(untrustedInputError({ ...to('/v1/leaks'), body: undefined, query: { a: 'b\u0000' } })).toBeDefined();
  });
});
