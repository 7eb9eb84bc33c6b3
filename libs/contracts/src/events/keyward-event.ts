import { CredentialEventTypes, type CredentialEvent } from './credential-events';
import { IdentityEventTypes, type IdentityEvent, type IdentityExternalIdReserved } from './identity-events';
import { KeyEventTypes, type KeyEvent } from './key-events';
import { RoleEventTypes, type RoleEvent } from './role-events';
import { WebhookDomainEventTypes, type WebhookEvent } from './webhook-events';
import { WorkspaceEventTypes, type WorkspaceEvent } from './workspace-events';

/** Every event type this version writes; followers skip any other (from a newer writer). */
export type KeywardEvent = KeyEvent | RoleEvent | WorkspaceEvent | CredentialEvent | WebhookEvent | IdentityEvent | IdentityExternalIdReserved;

const typeGuard = <E extends KeywardEvent>(types: readonly E['type'][]) => {
  const known = new Set<string>(types);
  return <T extends { readonly type: string }>(event: T): event is T & E => known.has(event.type);
};

export const isKeyEvent = typeGuard<KeyEvent>(KeyEventTypes);
export const isRoleEvent = typeGuard<RoleEvent>(RoleEventTypes);
export const isWorkspaceEvent = typeGuard<WorkspaceEvent>(WorkspaceEventTypes);
export const isCredentialEvent = typeGuard<CredentialEvent>(CredentialEventTypes);
export const isWebhookEvent = typeGuard<WebhookEvent>(WebhookDomainEventTypes);
export const isIdentityEvent = typeGuard<IdentityEvent>(IdentityEventTypes);
