import { ErrorCodes, type Plan } from '@keyward/contracts';
import { requireEntitlement } from '../access/access-policy';
import { DomainError } from '../domain.error';
import { entitlementsOf } from '../workspaces/plan-entitlements';
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

/**
 * Whether `user` may use the credential now, in a workspace on `plan`: 403 FORBIDDEN for anyone
 * but the owner and those it is shared with; and a sharer only while the plan includes credential
 * sharing, so a share made on enterprise stops working on a downgrade (402 PLAN_UPGRADE_REQUIRED,
 * as every gated feature answers). The sharing itself stays: it works again on an upgrade, and
 * the owner may still make the credential personal. The owner's own use needs no plan.
 */
export const assertMayUseCredential = (credential: Pick<ExistingCredential, 'ownerKeyId' | 'sharedWith'>, user: CredentialUser, plan: Plan): void => {
  if (!mayUseCredential(credential, user)) throw new DomainError(ErrorCodes.forbidden, 'this key is not the owner of the credential nor among those it is shared with');
  if (credential.ownerKeyId !== user.keyId) requireEntitlement({ plan, entitlements: entitlementsOf(plan) }, 'credentialSharing', 'using a credential shared with you (credential sharing)');
};
