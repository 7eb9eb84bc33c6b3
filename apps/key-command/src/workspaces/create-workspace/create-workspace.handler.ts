import { Injectable } from '@nestjs/common';
import { workspaceStreamId, type CommandReply, type CreateKeyRequest, type CreateWorkspaceResult } from '@keyward/contracts';
import { decideWorkspace, newWorkspaceId, workspaceDecider } from '@keyward/domain';
import { asCommandContext, asObject } from '../../commands/command-payload';
import { CommandRunner } from '../../commands/command.runner';
import { CreateKeyHandler } from '../../keys/create-key/create-key.handler';
import { workspaceResult } from '../workspace-payload';

/**
 * Operator only: a workspace and its first admin key (unrestricted, whatever the plan, so that
 * its admins can act once the plan allows). Two streams, so two appends: should the second fail,
 * the workspace exists without a key and the operator creates one again through this route.
 */
@Injectable()
export class CreateWorkspaceHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly createKey: CreateKeyHandler,
  ) {}

  async execute(payload: unknown): Promise<CommandReply<CreateWorkspaceResult>> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const workspaceId = newWorkspaceId();
    // Its events belong to the new workspace, whoever created it (the actor says who).
    const inWorkspace = { ...context, workspaceId };
    const outcome = await this.runner.run(workspaceStreamId(workspaceId), workspaceDecider(workspaceId), inWorkspace, (state, now) =>
      decideWorkspace({ type: 'CreateWorkspace', workspaceId, name: p.name, plan: p.plan ?? 'free', operator: context.operator }, state, now),
    );
    if (outcome.state.status === 'absent') throw new Error('CreateWorkspace left no workspace');
    const adminKey: CreateKeyRequest = {
      context: inWorkspace,
      name: 'Admin key',
      environment: 'live',
      expiresAt: null,
      unrestricted: true,
    };
    const key = await this.createKey.execute(adminKey);
    if (!key.ok) return key;
    const workspace = workspaceResult(outcome.state);
    return { ok: true, position: key.position, result: { id: workspace.id, name: workspace.name, plan: workspace.plan, adminKey: key.result.key, adminKeyId: key.result.id } };
  }
}
