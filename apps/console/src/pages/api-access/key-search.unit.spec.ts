import { keySearchTerm } from './key-search';

describe('keySearchTerm', () => {
  it('searches a pasted key by its prefix only', () => {
    expect(keySearchTerm(' kw_live_AbCd0123456789abcdefghijklmnopqrstuvwx ')).toBe('kw_live_AbCd');
    expect(keySearchTerm('kw_test_AbCdEf')).toBe('kw_test_AbCd');
  });

  it('sends names and prefixes as typed', () => {
    expect(keySearchTerm('billing service')).toBe('billing service');
    expect(keySearchTerm('kw_live_AbCd')).toBe('kw_live_AbCd');
    expect(keySearchTerm('kw_live_')).toBe('kw_live_');
  });
});
