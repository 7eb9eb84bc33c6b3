import { Subjects } from '../subjects';
import type { CommandReply } from './command-reply';
import type {
  CreateKeyAnswer,
  CreateKeyRequest,
  DeleteKeyRequest,
  DeleteKeyResult,
  KeyAccessResult,
  ReportKeyLeakRequest,
  ReportKeyLeakResult,
  SetKeyEnabledRequest,
  SetKeyEnabledResult,
  RevokeKeyRequest,
  RevokeKeyResult,
  RotateKeyAnswer,
  RotateKeyRequest,
  SetKeyPermissionsRequest,
  SetKeyRolesRequest,
  ShareResourceRequest,
  UnshareResourceRequest,
  UpdateKeyRequest,
  UpdateKeyResult,
} from './key-commands.contract';
import type {
  CredentialResult,
  DeleteCredentialRequest,
  DeleteCredentialResult,
  RotateCredentialValueRequest,
  SetCredentialSharingRequest,
  StoreCredentialRequest,
  UpdateCredentialRequest,
} from './credential-commands.contract';
import type { CreateWebhookRequest, DeleteWebhookRequest, DeleteWebhookResult, DisableWebhookRequest, DisableWebhookResult, RotateWebhookSecretRequest, UpdateWebhookRequest, WebhookResult } from './webhook-commands.contract';
import type { CreateIdentityRequest, DeleteIdentityRequest, DeleteIdentityResult, IdentityResult, UpdateIdentityRequest } from './identity-commands.contract';
import type { CreateRoleRequest, DeleteRoleRequest, DeleteRoleResult, RoleResult, UpdateRoleRequest } from './role-commands.contract';
import type { CreateWorkspaceAnswer, CreateWorkspaceRequest, UpdateWorkspaceRequest, WorkspaceResult } from './workspace-commands.contract';

/**
 * The one map from a command's NATS subject to what is sent on it and what comes back. The gateway
 * sends and key-command handles through it, so neither side can change a shape alone.
 */
export interface CommandContract {
  readonly [Subjects.keyCommand.create]: { readonly request: CreateKeyRequest; readonly result: CreateKeyAnswer };
  readonly [Subjects.keyCommand.rotate]: { readonly request: RotateKeyRequest; readonly result: RotateKeyAnswer };
  readonly [Subjects.keyCommand.revoke]: { readonly request: RevokeKeyRequest; readonly result: RevokeKeyResult };
  readonly [Subjects.keyCommand.update]: { readonly request: UpdateKeyRequest; readonly result: UpdateKeyResult };
  readonly [Subjects.keyCommand.delete]: { readonly request: DeleteKeyRequest; readonly result: DeleteKeyResult };
  readonly [Subjects.keyCommand.setRoles]: { readonly request: SetKeyRolesRequest; readonly result: KeyAccessResult };
  readonly [Subjects.keyCommand.setPermissions]: { readonly request: SetKeyPermissionsRequest; readonly result: KeyAccessResult };
  readonly [Subjects.keyCommand.share]: { readonly request: ShareResourceRequest; readonly result: KeyAccessResult };
  readonly [Subjects.keyCommand.unshare]: { readonly request: UnshareResourceRequest; readonly result: KeyAccessResult };
  readonly [Subjects.keyCommand.reportLeak]: { readonly request: ReportKeyLeakRequest; readonly result: ReportKeyLeakResult };
  readonly [Subjects.keyCommand.setEnabled]: { readonly request: SetKeyEnabledRequest; readonly result: SetKeyEnabledResult };
  readonly [Subjects.identityCommand.create]: { readonly request: CreateIdentityRequest; readonly result: IdentityResult };
  readonly [Subjects.identityCommand.update]: { readonly request: UpdateIdentityRequest; readonly result: IdentityResult };
  readonly [Subjects.identityCommand.delete]: { readonly request: DeleteIdentityRequest; readonly result: DeleteIdentityResult };
  readonly [Subjects.roleCommand.create]: { readonly request: CreateRoleRequest; readonly result: RoleResult };
  readonly [Subjects.roleCommand.update]: { readonly request: UpdateRoleRequest; readonly result: RoleResult };
  readonly [Subjects.roleCommand.delete]: { readonly request: DeleteRoleRequest; readonly result: DeleteRoleResult };
  readonly [Subjects.credentialCommand.store]: { readonly request: StoreCredentialRequest; readonly result: CredentialResult };
  readonly [Subjects.credentialCommand.update]: { readonly request: UpdateCredentialRequest; readonly result: CredentialResult };
  readonly [Subjects.credentialCommand.rotateValue]: { readonly request: RotateCredentialValueRequest; readonly result: CredentialResult };
  readonly [Subjects.credentialCommand.setSharing]: { readonly request: SetCredentialSharingRequest; readonly result: CredentialResult };
  readonly [Subjects.credentialCommand.delete]: { readonly request: DeleteCredentialRequest; readonly result: DeleteCredentialResult };
  readonly [Subjects.webhookCommand.create]: { readonly request: CreateWebhookRequest; readonly result: WebhookResult };
  readonly [Subjects.webhookCommand.update]: { readonly request: UpdateWebhookRequest; readonly result: WebhookResult };
  readonly [Subjects.webhookCommand.rotateSecret]: { readonly request: RotateWebhookSecretRequest; readonly result: WebhookResult };
  readonly [Subjects.webhookCommand.delete]: { readonly request: DeleteWebhookRequest; readonly result: DeleteWebhookResult };
  readonly [Subjects.webhookCommand.disable]: { readonly request: DisableWebhookRequest; readonly result: DisableWebhookResult };
  readonly [Subjects.workspaceCommand.create]: { readonly request: CreateWorkspaceRequest; readonly result: CreateWorkspaceAnswer };
  readonly [Subjects.workspaceCommand.update]: { readonly request: UpdateWorkspaceRequest; readonly result: WorkspaceResult };
}

export type CommandSubject = keyof CommandContract;
export type CommandRequest<S extends CommandSubject> = CommandContract[S]['request'];
export type CommandResult<S extends CommandSubject> = CommandContract[S]['result'];
/** What key-command answers on `S`. */
export type CommandReplyOf<S extends CommandSubject> = CommandReply<CommandResult<S>>;
