import type { ExistingCredential } from './credential.state';

/** Who asks to use a credential: the calling key (or `root`) and the roles its verify answer listed. */
export interface CredentialUser {
  readonly keyId: string;
  readonly roles: readonly string[];
}

/**
 * Using is not managing: the owner, a key in `sharedWith.keys`, or a key holding a role in
 * `sharedWith.roles` may use the value, whatever `credentials:*` permissions it holds or lacks.
 */
export const mayUseCredential = (credential: Pick<ExistingCredential, 'ownerKeyId' | 'sharedWith'>, user: CredentialUser): boolean =>
  credential.ownerKeyId === user.keyId || credential.sharedWith.keys.includes(user.keyId) || user.roles.some((role) => credential.sharedWith.roles.includes(role));
