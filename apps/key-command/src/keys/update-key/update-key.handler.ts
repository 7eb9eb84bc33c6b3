import { Injectable } from '@nestjs/common';
import { keyStreamId, type CommandReply, type UpdateKeyRequest, type UpdateKeyResult } from '@keyward/contracts';
import { keyDecider } from '@keyward/domain';
import { AccessPolicyLoader } from '../../access/access-policy.loader';
import { CommandHandler } from '../../commands/command.handler';
import { decideWithPolicy } from '../key-decision';

/** Name, expiry, rate limit and IP allowlist in one command: its events are appended together, or none. */
@Injectable()
export class UpdateKeyHandler {
  constructor(
    private readonly commands: CommandHandler,
    private readonly policies: AccessPolicyLoader,
  ) {}

  async execute({ context, keyId, name, expiresAt, ratelimit, ipAllowlist }: UpdateKeyRequest): Promise<CommandReply<UpdateKeyResult>> {
    const { state, position } = await this.commands.handle(
      keyStreamId(keyId),
      keyDecider,
      context,
      decideWithPolicy(this.policies, context, (policy) => ({ type: 'UpdateKey', keyId, workspaceId: context.workspaceId, name, expiresAt, ratelimit, ipAllowlist, policy })),
    );
    if (state.status === 'absent') throw new Error('an update left no key');
    return { ok: true, position, result: { id: state.keyId, name: state.name, expiresAt: state.expiresAt, ratelimit: state.ratelimit, ipAllowlist: state.ipAllowlist } };
  }
}
