import type { Response } from 'express';
import type { Written } from '../commands/command.client';

export const CONSISTENCY_HEADER = 'Keyward-Consistency';

/** The header as the OpenAPI document declares it, on the answer of any route that waits for its write to reach the followers. */
export const CONSISTENCY_ANSWER_HEADER = {
  [CONSISTENCY_HEADER]: { description: 'the write happened, but a verifier or the projector had not applied it within the bound', schema: { type: 'string', enum: ['pending'] } },
};

/** The write happened either way; the header tells the caller a follower had not applied it yet. */
export const answerWritten = <Result>(response: Response, written: Written<Result>): Result => {
  if (!written.consistent) response.setHeader(CONSISTENCY_HEADER, 'pending');
  return written.result;
};
