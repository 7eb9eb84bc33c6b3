import { VerifyCodes, type JsonObject, type VerifyAnswer, type VerifyCode, type VerifyIdentity } from '@keyward/contracts';
import { VerifierUnavailableError } from './verifier-unavailable.error';
import { isCreditsState, isNamedRateLimitState, isRateLimitState } from './rate-limit-state';
import { verifiedKeyOf } from './verified-key';

const decoder = new TextDecoder();

const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const isVerifyIdentity = (value: unknown): value is VerifyIdentity => {
  if (!isJsonObject(value)) return false;
  const { id, externalId, meta } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof externalId === 'string' && isJsonObject(meta);
};

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
  if (answer.ratelimits !== undefined && !(Array.isArray(answer.ratelimits) && answer.ratelimits.every(isNamedRateLimitState))) throw invalid();
  if (answer.credits !== undefined && !isCreditsState(answer.credits)) throw invalid();
  if (answer.meta !== undefined && !isJsonObject(answer.meta)) throw invalid();
  if (answer.identity !== undefined && !isVerifyIdentity(answer.identity)) throw invalid();
  return answer;
};
