import type { CredentialView } from '@keyward/contracts';
import type { ExistingCredential } from '@keyward/domain';

/** What anyone is shown of a credential: its definition and last four characters, never the sealed value. */
export const credentialView = (c: ExistingCredential): CredentialView => ({
  id: c.credentialId,
  workspaceId: c.workspaceId,
  service: c.service,
  name: c.name,
  location: c.location,
  parameterName: c.parameterName,
  allowedHosts: c.allowedHosts,
  sharedWith: c.sharedWith,
  owner: c.ownerKeyId,
  lastFour: c.lastFour,
  createdAt: c.storedAt,
  rotatedAt: c.rotatedAt,
  updatedAt: c.updatedAt,
});
