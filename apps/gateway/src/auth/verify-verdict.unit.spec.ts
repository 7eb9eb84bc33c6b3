import type { Response } from 'express';
import type { VerifyAnswer } from '@keyward/contracts';
import { ApiError } from '../errors/api-error';
import { principalOfAnswer } from './verify-verdict';

const NOW = Date.parse('2026-12-03T10:00:00.000Z');
/** Only the headers set: what the verdict writes on the response. */
const headers = (): { set: Record<string, string>; response: Pick<Response, 'setHeader'> } => {
  const set: Record<string, string> = {};
  const response = { setHeader: (name: string, value: string) => void (set[name] = value) };
  return { set, response: response as unknown as Pick<Response, 'setHeader'> };
};

const refusal = (answer: VerifyAnswer): { status: number; code: string; retryAfter?: string } => {
  const { set, response } = headers();
  try {
    principalOfAnswer(answer, response, NOW);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.getStatus(), code: error.body.code, ...(set['Retry-After'] ? { retryAfter: set['Retry-After'] } : {}) };
  }
  throw new Error('the answer was taken for a principal');
};

describe('principalOfAnswer (a management call by a key)', () => {
  it.each<[string, VerifyAnswer, { status: number; code: string; retryAfter?: string }]>([
    ['DISABLED is unauthenticated, like REVOKED', { valid: false, code: 'DISABLED', keyId: 'key_1' }, { status: 401, code: 'UNAUTHENTICATED' }],
    ['USAGE_EXCEEDED is 429, as the client kit answers it', { valid: false, code: 'USAGE_EXCEEDED', keyId: 'key_1', credits: { remaining: 0 } }, { status: 429, code: 'RATE_LIMITED' }],
    [
      'a named limit refused waits for its own window',
      { valid: false, code: 'RATE_LIMITED', keyId: 'key_1', ratelimits: [{ name: 'tokens', limit: 5, remaining: 0, reset: new Date(NOW + 42_000).toISOString(), exceeded: true }] },
      { status: 429, code: 'RATE_LIMITED', retryAfter: '42' },
    ],
  ])('%s', (_, answer, expected) => {
    expect(refusal(answer)).toEqual(expected);
  });
});
