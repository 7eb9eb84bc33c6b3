import type { VerifyAnswer } from '@keyward/contracts';
import type { GrantSet } from '../key-index/grant-set';
import type { IndexedKey } from '../key-index/key-index';
import { encodedOnce } from './verify-answer.encoding';

export type DescribingCode = 'VALID' | 'INSUFFICIENT_PERMISSIONS';

/** Past this many keys the cache starts over: a busy key is described again on its next verify. */
const MAX_KEYS = 10_000;

/** One key's described answers, with everything they were made from. */
interface Described {
  readonly workspaceId: string;
  readonly name: string;
  readonly environment: IndexedKey['environment'];
  readonly expiresAt: string | null;
  /** Interned and replaced, never changed, when roles, permissions, a held role or the plan change. */
  readonly granted: GrantSet;
  /** Replaced, never changed, by a change of the key's metadata. */
  readonly meta: IndexedKey['meta'];
  /** Replaced, never changed, by any change of the identity: one change reaches every key of it. */
  readonly identity: IndexedKey['identity'];
  valid?: VerifyAnswer;
  insufficient?: VerifyAnswer;
}

const describe = (key: IndexedKey, code: DescribingCode): VerifyAnswer =>
  encodedOnce({
    valid: code === 'VALID',
    code,
    keyId: key.keyId,
    workspaceId: key.workspace.workspaceId,
    name: key.name,
    environment: key.environment,
    expiresAt: key.expiresAt,
    roles: key.granted.roles,
    permissions: key.granted.permissions,
    ...(key.meta === null ? {} : { meta: key.meta }),
    ...(key.identity === null ? {} : { identity: key.identity.answer }),
  });

/** Whether `described` was made from exactly what `key` says now: then its answers are still the key's. */
const describes = (described: Described, key: IndexedKey): boolean =>
  described.granted === key.granted &&
  described.meta === key.meta &&
  described.identity === key.identity &&
  described.name === key.name &&
  described.expiresAt === key.expiresAt &&
  described.environment === key.environment &&
  described.workspaceId === key.workspace.workspaceId;

/**
 * The answers that describe a key (VALID, INSUFFICIENT_PERMISSIONS), kept per key id and encoded
 * once: a key verified again gets the same object and bytes until anything in them changes.
 * Each answer is a function of the fields `describes` compares, so a kept one is never stale.
 */
export class DescribedAnswers {
  private readonly byKeyId = new Map<string, Described>();

  of(key: IndexedKey, code: DescribingCode): VerifyAnswer {
    let described = this.byKeyId.get(key.keyId);
    if (described === undefined || !describes(described, key)) {
      if (this.byKeyId.size >= MAX_KEYS) this.byKeyId.clear();
      described = {
        workspaceId: key.workspace.workspaceId,
        name: key.name,
        environment: key.environment,
        expiresAt: key.expiresAt,
        granted: key.granted,
        meta: key.meta,
        identity: key.identity,
      };
      this.byKeyId.set(key.keyId, described);
    }
    return code === 'VALID' ? (described.valid ??= describe(key, code)) : (described.insufficient ??= describe(key, code));
  }
}
