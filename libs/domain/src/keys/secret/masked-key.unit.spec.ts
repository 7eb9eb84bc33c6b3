import { maskKey } from './masked-key';

describe('maskKey', () => {
  it('shows the prefix, an ellipsis and the last four', () => {
    expect(maskKey('kw_live_a1b2', 'wxyz')).toBe('kw_live_a1b2…wxyz');
  });
});
