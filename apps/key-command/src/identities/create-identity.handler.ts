import { Injectable } from '@nestjs/common';
import { identityStreamId, type CommandReply, type CreateIdentityRequest, type IdentityEvent, type IdentityResult } from '@keyward/contracts';
import { newIdentityId, parseGrants } from '@keyward/domain';
import { IdempotentIds } from '../commands/idempotent-ids';
import { identityReply } from './identity-payload';
import { IdentityWrites } from './identity-writes';

@Injectable()
export class CreateIdentityHandler {
  constructor(
    private readonly writes: IdentityWrites,
    private readonly ids: IdempotentIds,
  ) {}

  async execute({ context, ...request }: CreateIdentityRequest): Promise<CommandReply<IdentityResult>> {
    const { id: identityId, stream } = await this.ids.for<IdentityEvent>('identity', context, newIdentityId, identityStreamId);
    return identityReply(await this.writes.handle({ type: 'CreateIdentity', identityId, workspaceId: context.workspaceId, ...request, authority: parseGrants(context.grants) }, context, stream));
  }
}
