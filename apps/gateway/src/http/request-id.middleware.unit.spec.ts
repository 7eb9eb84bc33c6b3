import { correlationIdOf } from './request-id.middleware';

describe('correlationIdOf', () => {
  it('keeps a sane X-Request-Id', () => {
    expect(correlationIdOf('req-42.a:b_c')).toBe('req-42.a:b_c');
  });

  it.each([[undefined], [''], ['has space'], ['x'.repeat(101)], ['line\nbreak'], [['a', 'b']]])('replaces %j with a new UUID', (given) => {
    expect(correlationIdOf(given)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
