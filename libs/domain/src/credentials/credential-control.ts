import { ErrorCodes } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import type { ExistingCredential } from './credential.state';

/** Who asks to manage a credential: the calling key's id (`root` for the root key) and whether it is the root key. */
export interface CredentialActor {
  readonly keyId: string;
  readonly root: boolean;
}

/**
 * Where the value may go and who may use it — sharing, `allowedHosts`, `location`,
 * `parameterName` — are its owner's to change (or the root key's): a key holding
 * `credentials:write` could otherwise share the value with itself, or add its own host, and have
 * the broker send the value there. Any key with `credentials:write` may still rename, rotate
 * (its own value in place of the old reveals nothing) or delete (an administrator must be able to
 * kill a leaked credential whoever stored it), as the product guide's "edit" of a key is its value.
 */
export const mayControlCredential = (credential: Pick<ExistingCredential, 'ownerKeyId'>, actor: CredentialActor): boolean =>
  actor.root || actor.keyId === credential.ownerKeyId;

/** 403 FORBIDDEN unless `mayControlCredential`; `what` names the change refused. */
export const assertMayControlCredential = (credential: Pick<ExistingCredential, 'ownerKeyId'>, actor: CredentialActor, what: string): void => {
  if (!mayControlCredential(credential, actor)) {
    throw new DomainError(ErrorCodes.forbidden, `only the credential's owner (or the root key) may change its ${what}; other keys with credentials:write may rename, rotate or delete it`);
  }
};
