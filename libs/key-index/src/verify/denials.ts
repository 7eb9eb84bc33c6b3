import type { VerifyAnswer, VerifyCode } from '@keyward/contracts';
import { encodedOnce } from './verify-answer.encoding';

/** The denials that name no key are the same every time. */
export const DENIED = {
  MALFORMED: encodedOnce({ valid: false, code: 'MALFORMED' }),
  UNAVAILABLE: encodedOnce({ valid: false, code: 'UNAVAILABLE' }),
  NOT_FOUND: encodedOnce({ valid: false, code: 'NOT_FOUND' }),
} as const satisfies Partial<Record<VerifyCode, VerifyAnswer>>;
