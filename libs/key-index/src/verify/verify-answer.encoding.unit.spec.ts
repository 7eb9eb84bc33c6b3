import type { VerifyAnswer } from '@keyward/contracts';
import { encodedOnce, encodeVerifyAnswer } from './verify-answer.encoding';

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

describe('encodeVerifyAnswer', () => {
  const described: VerifyAnswer = { valid: true, code: 'VALID', keyId: 'key_1', workspaceId: 'ws "a"', name: 'naïve \u2028 key', environment: 'live', expiresAt: null, roles: ['r'], permissions: ['*:read'] };

  it('gives exactly the JSON of an answer it has not seen', () => {
    expect(text(encodeVerifyAnswer(described))).toBe(JSON.stringify(described));
    expect(text(encodeVerifyAnswer({ valid: false, code: 'REVOKED', keyId: 'key_1' }))).toBe('{"valid":false,"code":"REVOKED","keyId":"key_1"}');
  });

  it('gives an answer encoded once the same bytes each time, and the same JSON', () => {
    const once = encodedOnce({ ...described });
    const first = encodeVerifyAnswer(once);
    expect(encodeVerifyAnswer(once)).toBe(first);
    expect(text(first)).toBe(JSON.stringify(described));
  });

  it('freezes an answer encoded once, so that its bytes cannot come to differ from it', () => {
    const once = encodedOnce<VerifyAnswer>({ valid: false, code: 'NOT_FOUND' });
    expect(Object.isFrozen(once)).toBe(true);
    expect(() => Object.assign(once, { code: 'VALID' })).toThrow(TypeError);
  });

  it('does not take an equal answer for one encoded once', () => {
    encodedOnce<VerifyAnswer>({ valid: false, code: 'MALFORMED' });
    const other: VerifyAnswer = { valid: false, code: 'MALFORMED' };
    expect(encodeVerifyAnswer(other)).not.toBe(encodeVerifyAnswer(other));
  });
});
