import { isWorkspaceId, newWorkspaceId } from './workspace-id';

describe('isWorkspaceId', () => {
  it.each([
    ['default', true],
    ['ws_aaaaaaaaaaaaaaaaaaaa', true],
    ['ws_0123456789ABCDEFGHIJ', true],
    ['ws_aaaaaaaaaaaaaaaaaaa', false], // 19
    ['ws_aaaaaaaaaaaaaaaaaaaaa', false], // 21
    ['ws_aaaaaaaaaaaaaaaaaaa-', false],
    ['ws_aaaaaaaaaaaaaaaaaaa_', false],
    ['WS_aaaaaaaaaaaaaaaaaaaa', false],
    ['key_aaaaaaaaaaaaaaaaaaaa', false],
    [' ws_aaaaaaaaaaaaaaaaaaaa', false],
    ['ws_aaaaaaaaaaaaaaaaaaaa\n', false],
    ['Default', false],
    ['ws_other', false],
    ['', false],
    [undefined, false],
    [null, false],
    [42, false],
    [['default'], false],
  ])('%p: %s', (value, expected) => {
    expect(isWorkspaceId(value)).toBe(expected);
  });
});

describe('newWorkspaceId', () => {
  it('is ws_ and 20 base62 characters, a valid workspace id', () => {
    for (let i = 0; i < 50; i += 1) {
      const id = newWorkspaceId();
      expect(id).toMatch(/^ws_[0-9A-Za-z]{20}$/);
      expect(isWorkspaceId(id)).toBe(true);
    }
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 1_000 }, newWorkspaceId));
    expect(ids.size).toBe(1_000);
  });
});
