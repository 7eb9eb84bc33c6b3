import type { CredentialPrincipal, CredentialSharing } from '@keyward/contracts';
import { validationError } from '../domain.error';
import { isKeyId } from '../keys/key-id';
import { isBuiltInRole } from '../permissions/effective-grants';
import { isRoleId } from '../roles/role-rules';

export const MAX_SHARED_PRINCIPALS = 100;

/** The principals among those named that exist in the credential's workspace, resolved beforehand so deciding stays pure. */
export interface KnownPrincipals {
  readonly keys: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
}

export const isPersonal = (sharing: CredentialSharing): boolean => sharing.keys.length === 0 && sharing.roles.length === 0;

/** Once each, in the order given; every key and role must exist in the workspace (400 naming the entry). */
export const validSharing = (raw: CredentialSharing, known: KnownPrincipals): CredentialSharing => {
  const check = (ids: readonly string[], kind: 'keys' | 'roles', wellFormed: (id: string) => boolean, exists: ReadonlySet<string>): string[] => {
    if (ids.length > MAX_SHARED_PRINCIPALS) throw validationError(`sharedWith.${kind}`, `sharedWith.${kind} must name at most ${MAX_SHARED_PRINCIPALS}`);
    ids.forEach((id, i) => {
      if (!wellFormed(id) || !exists.has(id)) throw validationError(`sharedWith.${kind}[${i}]`, `no such ${kind === 'keys' ? 'key' : 'role'} in this workspace`);
    });
    return [...new Set(ids)];
  };
  return {
    keys: check(raw.keys, 'keys', isKeyId, known.keys),
    roles: check(raw.roles, 'roles', (id) => isRoleId(id) || isBuiltInRole(id), known.roles),
  };
};

/** The principals of `next` missing from `current`. */
export const principalsAdded = (current: CredentialSharing, next: CredentialSharing): CredentialPrincipal[] => [
  ...next.keys.filter((id) => !current.keys.includes(id)).map((id) => ({ kind: 'key' as const, id })),
  ...next.roles.filter((id) => !current.roles.includes(id)).map((id) => ({ kind: 'role' as const, id })),
];
