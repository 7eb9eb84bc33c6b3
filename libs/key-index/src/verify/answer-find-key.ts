import type { FindKeyAnswer } from '@keyward/contracts';
import { isExpiredAt, isKeySecret, keySecretDigest } from '@keyward/domain';
import { parsed, type VerifyContext } from './answer-verify';

const MALFORMED: FindKeyAnswer = { code: 'MALFORMED' };
const NOT_FOUND: FindKeyAnswer = { code: 'NOT_FOUND' };
const UNAVAILABLE: FindKeyAnswer = { code: 'UNAVAILABLE' };

/**
 * Answers one `keyward.v1.find-key` request: the key a secret belongs to, whatever its state
 * (revoked, deleted, a rotated-away secret, then not `current`): the same checks and the same one lookup as
 * `answerVerify`, so it tells a guess nothing faster than verify would. Counts no usage and spends
 * no rate limit: a leak report is not a use of the key. Never throws.
 */
export const answerFindKey = (raw: Uint8Array, context: Pick<VerifyContext, 'index' | 'pepper' | 'serving'>, now: number): FindKeyAnswer => {
  const request = parsed(raw);
  const secret = request && (request as { key?: unknown }).key;
  if (!isKeySecret(secret)) return MALFORMED;
  if (!context.serving(now)) return UNAVAILABLE;
  const found = context.index.lookup(keySecretDigest(context.pepper, secret));
  if (!found) return NOT_FOUND;
  return { code: 'FOUND', keyId: found.key.keyId, workspaceId: found.key.workspace.workspaceId, current: !isExpiredAt(found.validUntilMs, now) };
};
