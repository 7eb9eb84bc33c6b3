import type { RawResponse } from './raw-http';
import { retryingUnavailable } from './retry-unavailable';

const unavailable = (retryAfter?: string): RawResponse => ({
  status: 503,
  headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
  body: '{"statusCode":503,"code":"UNAVAILABLE","message":"try again shortly"}',
});
const created: RawResponse = { status: 201, headers: {}, body: '{}' };

/** Answers in turn (the last one again once they run out), and what was waited between them. */
const scripted = (answers: readonly RawResponse[]) => {
  let sent = 0;
  const waits: number[] = [];
  return {
    send: async (): Promise<RawResponse> => answers[Math.min(sent++, answers.length - 1)],
    wait: async (ms: number): Promise<void> => void waits.push(ms),
    waits,
    sent: () => sent,
  };
};

const limits = { retries: 2, maxWaitMs: 5_000 };

describe('retryingUnavailable', () => {
  it('sends again after Retry-After, and a request that then succeeds is answered as such', async () => {
    const s = scripted([unavailable('1'), created]);
    expect(await retryingUnavailable(s.send, limits, s.wait)).toEqual({ response: created, retried: 1 });
    expect(s.waits).toEqual([1_000]);
  });

  it('leaves a request that answers 503 however often it is sent with its 503, after the bounded retries', async () => {
    const s = scripted([unavailable('1')]);
    const { response, retried } = await retryingUnavailable(s.send, limits, s.wait);
    expect([response.status, retried, s.sent()]).toEqual([503, 2, 3]);
  });

  it('cuts a long Retry-After to the bound, and does not retry a 503 without one nor any other answer', async () => {
    const long = scripted([unavailable('3600'), created]);
    await retryingUnavailable(long.send, limits, long.wait);
    expect(long.waits).toEqual([5_000]);
    for (const answer of [unavailable(), unavailable('soon'), created, { status: 500, headers: { 'retry-after': '1' }, body: '{}' }]) {
      const s = scripted([answer, created]);
      expect(await retryingUnavailable(s.send, limits, s.wait)).toEqual({ response: answer, retried: 0 });
    }
  });
});
