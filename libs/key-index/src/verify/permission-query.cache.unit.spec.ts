import { parsePermissionQuery } from '@keyward/domain';
import { PermissionQueryCache } from './permission-query.cache';

describe('PermissionQueryCache', () => {
  it('answers as parsePermissionQuery does, strings, lists, nothing and bad ones alike', () => {
    const cache = new PermissionQueryCache();
    for (const require of ['calls:read', '(contacts:read OR contacts:write) AND calls:read', 'calls:read AND', ['calls:read', 'contacts:write'], ['nope'], undefined, 42, null]) {
      expect(cache.parse(require)).toEqual(parsePermissionQuery(require));
      expect(cache.parse(require)).toEqual(parsePermissionQuery(require));
    }
  });

  it('hands out the one parsed query for a string it has seen', () => {
    const cache = new PermissionQueryCache();
    expect(cache.parse('calls:read OR contacts:read')).toBe(cache.parse('calls:read OR contacts:read'));
  });

  it('keeps at most its capacity, dropping the oldest first', () => {
    const cache = new PermissionQueryCache(2);
    const a = cache.parse('calls:read');
    const b = cache.parse('contacts:read');
    expect(cache.parse('calls:read')).toBe(a);
    cache.parse('billing:read');
    expect(cache.size).toBe(2);
    expect(cache.parse('contacts:read')).toBe(b);
    expect(cache.parse('calls:read')).not.toBe(a); // dropped, parsed again
    for (let i = 0; i < 1_000; i++) cache.parse(`workflows/wf_${i}:read`);
    expect(cache.size).toBe(2);
  });

  it('does not keep lists (they are read as quickly as looked up), nor strings too long to be a query', () => {
    const cache = new PermissionQueryCache();
    cache.parse(['calls:read']);
    expect(cache.parse('x'.repeat(900_000))).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
