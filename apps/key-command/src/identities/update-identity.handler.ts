import { Injectable } from '@nestjs/common';
import type { CommandReply, IdentityResult, UpdateIdentityRequest } from '@keyward/contracts';
import { parseGrants } from '@keyward/domain';
import { identityReply } from './identity-payload';
import { IdentityWrites } from './identity-writes';

/** Not retried on a conflict: credits set by a concurrent update would be silently replaced. */
@Injectable()
export class UpdateIdentityHandler {
  constructor(private readonly writes: IdentityWrites) {}

  async execute({ context, ...request }: UpdateIdentityRequest): Promise<CommandReply<IdentityResult>> {
    return identityReply(await this.writes.handle({ type: 'UpdateIdentity', workspaceId: context.workspaceId, ...request, authority: parseGrants(context.grants) }, context));
  }
}
