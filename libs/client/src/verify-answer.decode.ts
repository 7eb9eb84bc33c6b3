import { VerifyCodes, type VerifyAnswer, type VerifyCode } from '@keyward/contracts';
import { VerifierUnavailableError } from './verifier-unavailable.error';
import { isRateLimitState } from './rate-limit-state';
import { verifiedKeyOf } from './verified-key';

const decoder = new TextDecoder();

const invalid = (): VerifierUnavailableError => new VerifierUnavailableError('the answer is not a verify answer');

/**
 * Checks a reply at the boundary: anything on the subject may answer, and a reply that is not a
 * verify answer must not be read as one (least of all as VALID without a principal).
 */
export const decodeVerifyAnswer = (data: Uint8Array): VerifyAnswer => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(data));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid();
  const answer = parsed as VerifyAnswer;
  if (typeof answer.valid !== 'boolean' || !VerifyCodes.includes(answer.code as VerifyCode)) throw invalid();
  if (answer.valid !== (answer.code === 'VALID')) throw invalid();
  if (answer.valid && !verifiedKeyOf(answer)) throw invalid();
  if (answer.ratelimit !== undefined && !isRateLimitState(answer.ratelimit)) throw invalid();
  return answer;
};
