import type { CredentialDefinition, CredentialSharing } from './events/credential-events';

/** A credential as the gateway shows it: never the value nor its sealed form, only its last 4 characters. */
export interface CredentialView extends CredentialDefinition {
  readonly id: string;
  readonly workspaceId: string;
  readonly sharedWith: CredentialSharing;
  /** The key that stored it. */
  readonly owner: string;
  readonly lastFour: string;
  readonly createdAt: string;
  /** The last value rotation; `null` while the first value is in use. */
  readonly rotatedAt: string | null;
  readonly updatedAt: string;
}
