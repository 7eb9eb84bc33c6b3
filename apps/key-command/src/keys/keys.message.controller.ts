import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  Subjects,
  type CommandReply,
  type CreateKeyAnswer,
  type DeleteKeyResult,
  type KeyAccessResult,
  type RevokeKeyResult,
  type RotateKeyAnswer,
} from '@keyward/contracts';
import { CommandExceptionFilter } from '../commands/command-exception.filter';
import { CreateKeyHandler } from './create-key/create-key.handler';
import { DeleteKeyHandler } from './delete-key/delete-key.handler';
import { RevokeKeyHandler } from './revoke-key/revoke-key.handler';
import { RotateKeyHandler } from './rotate-key/rotate-key.handler';
import { SetKeyPermissionsHandler } from './set-key-permissions/set-key-permissions.handler';
import { SetKeyRolesHandler } from './set-key-roles/set-key-roles.handler';
import { ShareResourceHandler } from './share-resource/share-resource.handler';
import { UnshareResourceHandler } from './unshare-resource/unshare-resource.handler';

/** Key commands over NATS request/reply; replicas share them through the queue group. */
@Controller()
@UseFilters(CommandExceptionFilter)
export class KeysMessageController {
  constructor(
    private readonly createKey: CreateKeyHandler,
    private readonly rotateKey: RotateKeyHandler,
    private readonly revokeKey: RevokeKeyHandler,
    private readonly deleteKey: DeleteKeyHandler,
    private readonly setKeyRoles: SetKeyRolesHandler,
    private readonly setKeyPermissions: SetKeyPermissionsHandler,
    private readonly shareResource: ShareResourceHandler,
    private readonly unshareResource: UnshareResourceHandler,
  ) {}

  @MessagePattern(Subjects.keyCommand.create)
  create(@Payload() payload: unknown): Promise<CommandReply<CreateKeyAnswer>> {
    return this.createKey.execute(payload);
  }

  @MessagePattern(Subjects.keyCommand.rotate)
  rotate(@Payload() payload: unknown): Promise<CommandReply<RotateKeyAnswer>> {
    return this.rotateKey.execute(payload);
  }

  @MessagePattern(Subjects.keyCommand.revoke)
  revoke(@Payload() payload: unknown): Promise<CommandReply<RevokeKeyResult>> {
    return this.revokeKey.execute(payload);
  }

  @MessagePattern(Subjects.keyCommand.delete)
  delete(@Payload() payload: unknown): Promise<CommandReply<DeleteKeyResult>> {
    return this.deleteKey.execute(payload);
  }

  @MessagePattern(Subjects.keyCommand.setRoles)
  setRoles(@Payload() payload: unknown): Promise<CommandReply<KeyAccessResult>> {
    return this.setKeyRoles.execute(payload);
  }

  @MessagePattern(Subjects.keyCommand.setPermissions)
  setPermissions(@Payload() payload: unknown): Promise<CommandReply<KeyAccessResult>> {
    return this.setKeyPermissions.execute(payload);
  }

  @MessagePattern(Subjects.keyCommand.share)
  share(@Payload() payload: unknown): Promise<CommandReply<KeyAccessResult>> {
    return this.shareResource.execute(payload);
  }

  @MessagePattern(Subjects.keyCommand.unshare)
  unshare(@Payload() payload: unknown): Promise<CommandReply<KeyAccessResult>> {
    return this.unshareResource.execute(payload);
  }
}
