import type { RawResponse } from './raw-http';

export interface UnavailableRetries {
  /** Sends after the first, at most. */
  readonly retries: number;
  /** A Retry-After longer than this is cut to it, so the whole stays bounded. */
  readonly maxWaitMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Retry-After in milliseconds; undefined when absent or not a number of seconds (a 503 must carry one). */
const retryAfterMs = (response: RawResponse): number | undefined => {
  const value = response.headers['retry-after'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) * 1_000 : undefined;
};

const isUnavailable = (response: RawResponse): boolean => response.status === 503 && response.body.includes('"code":"UNAVAILABLE"');

/**
 * Sends, and while the answer is 503 UNAVAILABLE with a Retry-After, sends again once that has
 * passed, a bounded number of times. A dependency that was slow for a moment answers a retry;
 * a request that is mapped to 503 whatever happens (an over-broad dependency-down check) keeps
 * answering 503, and the caller sees that last answer.
 */
export const retryingUnavailable = async (
  send: () => Promise<RawResponse>,
  limits: UnavailableRetries,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<{ readonly response: RawResponse; readonly retried: number }> => {
  let response = await send();
  let retried = 0;
  for (let delay = retryAfterMs(response); isUnavailable(response) && delay !== undefined && retried < limits.retries; delay = retryAfterMs(response)) {
    await wait(Math.min(delay, limits.maxWaitMs));
    response = await send();
    retried++;
  }
  return { response, retried };
};
