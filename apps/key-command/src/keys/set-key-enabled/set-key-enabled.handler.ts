import { Injectable } from '@nestjs/common';
import { keyStreamId, type CommandReply, type SetKeyEnabledRequest, type SetKeyEnabledResult } from '@keyward/contracts';
import { keyDecider } from '@keyward/domain';
import { AccessPolicyLoader } from '../../access/access-policy.loader';
import { CommandHandler } from '../../commands/command.handler';
import { decideWithPolicy } from '../key-decision';

/** Disable or enable; the position is the key's last event even when nothing changed, so the caller's wait holds either way. */
@Injectable()
export class SetKeyEnabledHandler {
  constructor(
    private readonly commands: CommandHandler,
    private readonly policies: AccessPolicyLoader,
  ) {}

  async execute({ context, keyId, enabled }: SetKeyEnabledRequest): Promise<CommandReply<SetKeyEnabledResult>> {
    const { state, position } = await this.commands.handle(
      keyStreamId(keyId),
      keyDecider,
      context,
      decideWithPolicy(this.policies, context, (policy) => ({ type: 'SetKeyEnabled', keyId, workspaceId: context.workspaceId, enabled, policy })),
    );
    if (state.status === 'absent') throw new Error('setting enabled left no key');
    return { ok: true, position, result: { id: state.keyId, enabled: state.enabled } };
  }
}
