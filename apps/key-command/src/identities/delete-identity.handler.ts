import { Injectable } from '@nestjs/common';
import type { CommandReply, DeleteIdentityRequest, DeleteIdentityResult } from '@keyward/contracts';
import { decidedEvent } from '../commands/decided-event';
import { IdentityWrites } from './identity-writes';

/**
 * Whether live keys still belong to it is the gateway's check (they are in other streams); a key
 * created meanwhile answers DISABLED, as any key whose identity is gone (fail closed).
 */
@Injectable()
export class DeleteIdentityHandler {
  constructor(private readonly writes: IdentityWrites) {}

  async execute({ context, identityId }: DeleteIdentityRequest): Promise<CommandReply<DeleteIdentityResult>> {
    const { position, events } = await this.writes.handle({ type: 'DeleteIdentity', identityId, workspaceId: context.workspaceId }, context);
    return { ok: true, position, result: { id: identityId, deletedAt: decidedEvent(events, 'IdentityDeleted').data.deletedAt } };
  }
}
