import { Injectable } from '@nestjs/common';
import { workspaceStreamId, type CommandReply, type CreateKeyRequest, type CreateWorkspaceAnswer, type CreateWorkspaceRequest, type CreateWorkspaceResult, type WorkspaceEvent } from '@keyward/contracts';
import { decideWorkspace, newWorkspaceId, withholdSecrets, workspaceDecider } from '@keyward/domain';
import { CommandHandler } from '../../commands/command.handler';
import { IdempotentIds } from '../../commands/idempotent-ids';
import { CreateKeyHandler } from '../../keys/create-key/create-key.handler';
import { workspaceResult } from '../workspace-payload';

/**
 * Operator only: a workspace and its first admin key (unrestricted, whatever the plan, so that
 * its admins can act once the plan allows). Two streams, so two appends: should the second fail,
 * the workspace exists without a key and the operator creates one again through this route. With
 * an Idempotency-Key, a retry finds both on the streams its ids derive to, and creates only the
 * key if that is what is missing (then showing its secret, which nobody saw yet).
 */
@Injectable()
export class CreateWorkspaceHandler {
  constructor(
    private readonly commands: CommandHandler,
    private readonly createKey: CreateKeyHandler,
    private readonly ids: IdempotentIds,
  ) {}

  async execute({ context, name, plan = 'free' }: CreateWorkspaceRequest): Promise<CommandReply<CreateWorkspaceAnswer>> {
    const { id: workspaceId, stream } = await this.ids.for<WorkspaceEvent>('workspace', context, newWorkspaceId, workspaceStreamId);
    // Its events belong to the new workspace, whoever created it (the actor says who).
    const inWorkspace = { ...context, workspaceId };
    const outcome = await this.commands.handle(
      workspaceStreamId(workspaceId),
      workspaceDecider(workspaceId),
      inWorkspace,
      (state, now) => decideWorkspace({ type: 'CreateWorkspace', workspaceId, name, plan, operator: context.operator }, state, now),
      { read: stream },
    );
    if (outcome.state.status === 'absent') throw new Error('CreateWorkspace left no workspace');
    const adminKey: CreateKeyRequest = {
      context: inWorkspace,
      name: 'Admin key',
      environment: 'live',
      expiresAt: null,
      unrestricted: true,
    };
    const key = await this.createKey.create(adminKey, 'admin-key');
    const workspace = workspaceResult(outcome.state);
    const result: CreateWorkspaceResult = { id: workspace.id, name: workspace.name, plan: workspace.plan, adminKey: key.result.key, adminKeyId: key.result.id };
    return { ok: true, position: key.position, result: key.replayed ? withholdSecrets(result) : result };
  }
}
