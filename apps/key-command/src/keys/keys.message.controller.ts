import { Controller } from '@nestjs/common';
import {
  Subjects,
  type CommandReplyOf,
  type CreateKeyRequest,
  type DeleteKeyRequest,
  type ReportKeyLeakRequest,
  type RevokeKeyRequest,
  type RotateKeyRequest,
  type SetKeyEnabledRequest,
  type SetKeyPermissionsRequest,
  type SetKeyRolesRequest,
  type ShareResourceRequest,
  type UnshareResourceRequest,
  type UpdateKeyRequest,
} from '@keyward/contracts';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { CreateKeyHandler } from './create-key/create-key.handler';
import { DeleteKeyHandler } from './delete-key/delete-key.handler';
import { EditKeyAccessHandler } from './edit-key-access/edit-key-access.handler';
import {
  parseCreateKey,
  parseDeleteKey,
  parseReportKeyLeak,
  parseRevokeKey,
  parseRotateKey,
  parseSetKeyEnabled,
  parseSetKeyPermissions,
  parseSetKeyRoles,
  parseShareResource,
  parseUnshareResource,
  parseUpdateKey,
} from './key-payload';
import { ReportKeyLeakHandler } from './report-key-leak/report-key-leak.handler';
import { RevokeKeyHandler } from './revoke-key/revoke-key.handler';
import { RotateKeyHandler } from './rotate-key/rotate-key.handler';
import { SetKeyEnabledHandler } from './set-key-enabled/set-key-enabled.handler';
import { UpdateKeyHandler } from './update-key/update-key.handler';

const S = Subjects.keyCommand;

/** Key commands over NATS request/reply; replicas share them through the queue group. */
@Controller()
export class KeysMessageController {
  constructor(
    private readonly createKey: CreateKeyHandler,
    private readonly rotateKey: RotateKeyHandler,
    private readonly revokeKey: RevokeKeyHandler,
    private readonly deleteKey: DeleteKeyHandler,
    private readonly access: EditKeyAccessHandler,
    private readonly updateKey: UpdateKeyHandler,
    private readonly reportLeak: ReportKeyLeakHandler,
    private readonly enabling: SetKeyEnabledHandler,
  ) {}

  @CommandEndpoint(S.create, parseCreateKey)
  create(request: CreateKeyRequest): Promise<CommandReplyOf<typeof S.create>> {
    return this.createKey.execute(request);
  }

  @CommandEndpoint(S.rotate, parseRotateKey)
  rotate(request: RotateKeyRequest): Promise<CommandReplyOf<typeof S.rotate>> {
    return this.rotateKey.execute(request);
  }

  @CommandEndpoint(S.revoke, parseRevokeKey)
  revoke(request: RevokeKeyRequest): Promise<CommandReplyOf<typeof S.revoke>> {
    return this.revokeKey.execute(request);
  }

  @CommandEndpoint(S.update, parseUpdateKey)
  update(request: UpdateKeyRequest): Promise<CommandReplyOf<typeof S.update>> {
    return this.updateKey.execute(request);
  }

  @CommandEndpoint(S.setEnabled, parseSetKeyEnabled)
  setEnabled(request: SetKeyEnabledRequest): Promise<CommandReplyOf<typeof S.setEnabled>> {
    return this.enabling.execute(request);
  }

  @CommandEndpoint(S.delete, parseDeleteKey)
  delete(request: DeleteKeyRequest): Promise<CommandReplyOf<typeof S.delete>> {
    return this.deleteKey.execute(request);
  }

  @CommandEndpoint(S.setRoles, parseSetKeyRoles)
  setRoles(request: SetKeyRolesRequest): Promise<CommandReplyOf<typeof S.setRoles>> {
    return this.access.setRoles(request);
  }

  @CommandEndpoint(S.setPermissions, parseSetKeyPermissions)
  setPermissions(request: SetKeyPermissionsRequest): Promise<CommandReplyOf<typeof S.setPermissions>> {
    return this.access.setPermissions(request);
  }

  @CommandEndpoint(S.share, parseShareResource)
  share(request: ShareResourceRequest): Promise<CommandReplyOf<typeof S.share>> {
    return this.access.share(request);
  }

  @CommandEndpoint(S.unshare, parseUnshareResource)
  unshare(request: UnshareResourceRequest): Promise<CommandReplyOf<typeof S.unshare>> {
    return this.access.unshare(request);
  }

  @CommandEndpoint(S.reportLeak, parseReportKeyLeak)
  reportKeyLeak(request: ReportKeyLeakRequest): Promise<CommandReplyOf<typeof S.reportLeak>> {
    return this.reportLeak.execute(request);
  }
}
