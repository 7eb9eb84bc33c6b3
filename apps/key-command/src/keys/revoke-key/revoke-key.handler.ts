import { Injectable } from '@nestjs/common';
import { keyStreamId, type CommandReply, type RevokeKeyResult } from '@keyward/contracts';
import { decideKey, keyDecider } from '@keyward/domain';
import { asCommandContext, asObject } from '../../commands/command-payload';
import { CommandRunner } from '../../commands/command.runner';
import { asKeyId } from '../key-payload';

/** Revocation is safe to retry on a conflict: whatever changed meanwhile, the key ends revoked. */
const RETRIES_ON_CONFLICT = 3;

@Injectable()
export class RevokeKeyHandler {
  constructor(private readonly runner: CommandRunner) {}

  async execute(payload: unknown): Promise<CommandReply<RevokeKeyResult>> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const keyId = asKeyId(p.keyId);
    const outcome = await this.runner.run(
      keyStreamId(keyId),
      keyDecider,
      context,
      (state, now) => decideKey({ type: 'RevokeKey', keyId, workspaceId: context.workspaceId }, state, now),
      RETRIES_ON_CONFLICT,
    );
    const revoked = outcome.events[0];
    if (revoked?.type !== 'KeyRevoked') throw new Error('RevokeKey decided no KeyRevoked');
    return { ok: true, position: outcome.position, result: { id: keyId, status: 'revoked', revokedAt: revoked.data.revokedAt } };
  }
}
