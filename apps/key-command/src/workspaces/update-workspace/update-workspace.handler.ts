import { Injectable } from '@nestjs/common';
import { ErrorCodes, workspaceStreamId, type CommandReply, type UpdateWorkspaceRequest, type WorkspaceEvent, type WorkspaceResult } from '@keyward/contracts';
import { decideWorkspace, DomainError, evolveWorkspace, parseGrants, workspaceDecider } from '@keyward/domain';
import { CommandHandler } from '../../commands/command.handler';
import { workspaceResult } from '../workspace-payload';

/** Plan (operator only) and settings in one write; a key acts on its own workspace only. */
@Injectable()
export class UpdateWorkspaceHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, workspaceId, plan, settings }: UpdateWorkspaceRequest): Promise<CommandReply<WorkspaceResult>> {
    if (workspaceId !== context.workspaceId && !context.operator) throw new DomainError(ErrorCodes.workspaceNotFound, 'no such workspace');
    const authority = parseGrants(context.grants);
    const decider = workspaceDecider(workspaceId);
    // The events belong to the workspace changed, also when the operator changes another one.
    const outcome = await this.commands.handle(workspaceStreamId(workspaceId), decider, { ...context, workspaceId }, (state, now) => {
      const events: WorkspaceEvent[] = [];
      let next = state;
      if (plan !== undefined) {
        events.push(...decideWorkspace({ type: 'ChangeWorkspacePlan', workspaceId, plan, operator: context.operator }, next, now));
        next = events.reduce(evolveWorkspace, state);
      }
      if (settings !== undefined) events.push(...decideWorkspace({ type: 'ChangeWorkspaceSettings', workspaceId, settings, authority }, next, now));
      // Nothing to change still tells an unknown workspace apart.
      if (plan === undefined && settings === undefined) decideWorkspace({ type: 'ChangeWorkspaceSettings', workspaceId, settings: {}, authority }, state, now);
      return events;
    });
    if (outcome.state.status === 'absent') throw new DomainError(ErrorCodes.workspaceNotFound, 'no such workspace');
    return { ok: true, position: outcome.position, result: workspaceResult(outcome.state) };
  }
}
