import type { Response } from 'express';
import type { Written } from '../commands/key-command.client';

/** Tells the caller when a follower had not applied the write within the bound. */
export const markConsistency = <T>(response: Response, written: Written<T>): T => {
  if (!written.consistent) response.setHeader('Keyward-Consistency', 'pending');
  return written.result;
};
