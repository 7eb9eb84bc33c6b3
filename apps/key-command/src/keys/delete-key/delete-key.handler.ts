import { Injectable } from '@nestjs/common';
import { keyStreamId, type CommandReply, type DeleteKeyResult } from '@keyward/contracts';
import { decideKey, keyDecider } from '@keyward/domain';
import { asCommandContext, asObject } from '../../commands/command-payload';
import { CommandRunner } from '../../commands/command.runner';
import { asKeyId } from '../key-payload';

/** Like a revoke, safe to retry on a conflict: the key ends deleted whatever changed meanwhile. */
const RETRIES_ON_CONFLICT = 3;

@Injectable()
export class DeleteKeyHandler {
  constructor(private readonly runner: CommandRunner) {}

  async execute(payload: unknown): Promise<CommandReply<DeleteKeyResult>> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const keyId = asKeyId(p.keyId);
    const outcome = await this.runner.run(
      keyStreamId(keyId),
      keyDecider,
      context,
      (state, now) => decideKey({ type: 'DeleteKey', keyId, workspaceId: context.workspaceId }, state, now),
      RETRIES_ON_CONFLICT,
    );
    const deleted = outcome.events[0];
    if (deleted?.type !== 'KeyDeleted') throw new Error('DeleteKey decided no KeyDeleted');
    return { ok: true, position: outcome.position, result: { id: keyId, deletedAt: deleted.data.deletedAt } };
  }
}
