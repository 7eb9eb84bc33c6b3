import type { Response } from 'express';
import type { Written } from '../commands/command.client';

export const CONSISTENCY_HEADER = 'Keyward-Consistency';

/** The write happened either way; the header tells the caller a follower had not applied it yet. */
export const answerWritten = <Result>(response: Response, written: Written<Result>): Result => {
  if (!written.consistent) response.setHeader(CONSISTENCY_HEADER, 'pending');
  return written.result;
};
