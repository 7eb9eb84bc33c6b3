import { Injectable } from '@nestjs/common';
import { keyStreamId, type CommandReply, type UpdateKeyRequest, type UpdateKeyResult } from '@keyward/contracts';
import { decideKey, keyDecider } from '@keyward/domain';
import { CommandHandler } from '../../commands/command.handler';

/** Name, expiry, rate limit and IP allowlist in one command: its events are appended together, or none. */
@Injectable()
export class UpdateKeyHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, keyId, name, expiresAt, ratelimit, ipAllowlist }: UpdateKeyRequest): Promise<CommandReply<UpdateKeyResult>> {
    const { state, position } = await this.commands.handle(keyStreamId(keyId), keyDecider, context, (current, now) =>
      decideKey({ type: 'UpdateKey', keyId, workspaceId: context.workspaceId, name, expiresAt, ratelimit, ipAllowlist }, current, now),
    );
    if (state.status === 'absent') throw new Error('an update left no key');
    return { ok: true, position, result: { id: state.keyId, name: state.name, expiresAt: state.expiresAt, ratelimit: state.ratelimit, ipAllowlist: state.ipAllowlist } };
  }
}
