import { Injectable } from '@nestjs/common';
import { keyStreamId, type CommandReply, type UpdateKeyRequest, type UpdateKeyResult } from '@keyward/contracts';
import { keyDecider } from '@keyward/domain';
import { AccessPolicyLoader } from '../../access/access-policy.loader';
import { CommandHandler } from '../../commands/command.handler';
import { decideWithPolicy } from '../key-decision';

/** Every field of `PATCH /v1/keys/:id` in one command: its events are appended together, or none. */
@Injectable()
export class UpdateKeyHandler {
  constructor(
    private readonly commands: CommandHandler,
    private readonly policies: AccessPolicyLoader,
  ) {}

  async execute({ context, keyId, ...fields }: UpdateKeyRequest): Promise<CommandReply<UpdateKeyResult>> {
    const { state, position } = await this.commands.handle(
      keyStreamId(keyId),
      keyDecider,
      context,
      decideWithPolicy(this.policies, context, (policy) => ({ type: 'UpdateKey', keyId, workspaceId: context.workspaceId, ...fields, policy })),
    );
    if (state.status === 'absent') throw new Error('an update left no key');
    const { name, expiresAt, ratelimit, ipAllowlist, credits, ratelimits, meta } = state;
    return { ok: true, position, result: { id: state.keyId, name, expiresAt, ratelimit, ipAllowlist, credits, ratelimits, meta } };
  }
}
