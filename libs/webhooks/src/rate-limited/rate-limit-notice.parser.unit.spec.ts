import { parseRateLimitNotice } from './rate-limit-notice.parser';

const bytes = (value: unknown): Uint8Array => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
const notice = { workspaceId: 'default', keyId: 'key_1', limit: 2, windowSeconds: 10, windowStart: '2026-12-03T07:00:10.000Z' };

describe('parseRateLimitNotice', () => {
  it('reads a notice of an aligned window', () => {
    expect(parseRateLimitNotice(bytes(notice))).toEqual(notice);
  });

  it('drops anything else: not JSON, bad ids, a limit no key can have, a window not aligned to its length', () => {
    for (const bad of [
      'not json',
      [],
      { ...notice, keyId: 'key 1' },
      { ...notice, workspaceId: 7 },
      { ...notice, limit: 0 },
      { ...notice, windowSeconds: 86_401 },
      { ...notice, windowStart: '2026-12-03T07:00:15.000Z' },
      { ...notice, windowStart: 'yesterday' },
    ]) {
      expect(parseRateLimitNotice(bytes(bad))).toBeUndefined();
    }
  });
});
