import { Injectable } from '@nestjs/common';
import { keyStreamId, type CommandReply, type ReportKeyLeakRequest, type ReportKeyLeakResult } from '@keyward/contracts';
import { keyDecider } from '@keyward/domain';
import { AccessPolicyLoader } from '../../access/access-policy.loader';
import { CommandHandler } from '../../commands/command.handler';
import { decideWithPolicy } from '../key-decision';

/** Like a revoke, safe to decide again on a conflict: whatever changed meanwhile, the report is recorded once. */
const RETRIES_ON_CONFLICT = 3;

/**
 * A signed leak report named the key (product.md 9.5): the workspace's `revokeLeakedKeys`, read
 * from its history as any decision's policy is, says whether the key is revoked too.
 */
@Injectable()
export class ReportKeyLeakHandler {
  constructor(
    private readonly commands: CommandHandler,
    private readonly policies: AccessPolicyLoader,
  ) {}

  async execute({ context, keyId, reportId, url, source, secretCurrent }: ReportKeyLeakRequest): Promise<CommandReply<ReportKeyLeakResult>> {
    const { events, position } = await this.commands.handle(
      keyStreamId(keyId),
      keyDecider,
      context,
      decideWithPolicy(this.policies, context, (policy) => ({
        type: 'ReportKeyLeak',
        keyId,
        workspaceId: context.workspaceId,
        reportId,
        url,
        source,
        revokeLeakedKeys: policy.workspace.settings.revokeLeakedKeys,
        secretCurrent,
      })),
      { retriesOnConflict: RETRIES_ON_CONFLICT },
    );
    const reported = events.some((e) => e.type === 'KeyLeakReported');
    const revoked = events.some((e) => e.type === 'KeyRevoked');
    return { ok: true, position, result: { id: keyId, reported, revoked } };
  }
}
