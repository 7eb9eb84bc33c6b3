import type { VerifyAnswer } from '@keyward/contracts';
import { rateLimitedAnswer } from './rate-limited-answer';

const VALID: VerifyAnswer = { valid: true, code: 'VALID', keyId: 'key_1', workspaceId: 'default', name: 'k', environment: 'live', expiresAt: null, roles: [], permissions: ['*:read'] };
const RESET_MS = Date.parse('2026-12-02T18:00:10.000Z');

describe('rateLimitedAnswer', () => {
  it('adds the window to a granted VALID answer, reset as an ISO time', () => {
    expect(rateLimitedAnswer(VALID, { granted: true, limit: 50, remaining: 49, resetMs: RESET_MS, degraded: false })).toEqual({
      ...VALID,
      ratelimit: { limit: 50, remaining: 49, reset: '2026-12-02T18:00:10.000Z' },
    });
  });

  it('answers RATE_LIMITED with the key id and the window only', () => {
    expect(rateLimitedAnswer(VALID, { granted: false, limit: 50, remaining: 0, resetMs: RESET_MS, degraded: false })).toEqual({
      valid: false,
      code: 'RATE_LIMITED',
      keyId: 'key_1',
      ratelimit: { limit: 50, remaining: 0, reset: '2026-12-02T18:00:10.000Z' },
    });
  });

  it('says degraded when the shared count decided nothing', () => {
    expect(rateLimitedAnswer(VALID, { granted: true, limit: 50, remaining: 0, resetMs: RESET_MS, degraded: true }).ratelimit).toEqual({
      limit: 50,
      remaining: 0,
      reset: '2026-12-02T18:00:10.000Z',
      degraded: true,
    });
  });
});
