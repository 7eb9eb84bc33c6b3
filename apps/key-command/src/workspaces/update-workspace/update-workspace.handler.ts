import { Injectable } from '@nestjs/common';
import { ErrorCodes, workspaceStreamId, type CommandReply, type WorkspaceEvent, type WorkspaceResult, type WorkspaceSettings } from '@keyward/contracts';
import { decideWorkspace, DomainError, evolveWorkspace, parseGrants, workspaceDecider } from '@keyward/domain';
import { asCommandContext, asObject, optional } from '../../commands/command-payload';
import { CommandRunner } from '../../commands/command.runner';
import { asWorkspaceId, workspaceResult } from '../workspace-payload';

/** Plan (operator only) and settings in one write; a key acts on its own workspace only. */
@Injectable()
export class UpdateWorkspaceHandler {
  constructor(private readonly runner: CommandRunner) {}

  async execute(payload: unknown): Promise<CommandReply<WorkspaceResult>> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const workspaceId = asWorkspaceId(p.workspaceId);
    if (workspaceId !== context.workspaceId && !context.operator) throw new DomainError(ErrorCodes.workspaceNotFound, 'no such workspace');
    const settings = optional(p.settings, (v) => asObject(v, 'settings') as Partial<WorkspaceSettings>);
    const authority = parseGrants(context.grants);
    const decider = workspaceDecider(workspaceId);
    // The events belong to the workspace changed, also when the operator changes another one.
    const outcome = await this.runner.run(workspaceStreamId(workspaceId), decider, { ...context, workspaceId }, (state, now) => {
      const events: WorkspaceEvent[] = [];
      let next = state;
      if (p.plan !== undefined) {
        events.push(...decideWorkspace({ type: 'ChangeWorkspacePlan', workspaceId, plan: p.plan, operator: context.operator }, next, now));
        next = events.reduce(evolveWorkspace, state);
      }
      if (settings !== undefined) events.push(...decideWorkspace({ type: 'ChangeWorkspaceSettings', workspaceId, settings, authority }, next, now));
      // Nothing to change still tells an unknown workspace apart.
      if (p.plan === undefined && settings === undefined) decideWorkspace({ type: 'ChangeWorkspaceSettings', workspaceId, settings: {}, authority }, state, now);
      return events;
    });
    if (outcome.state.status === 'absent') throw new DomainError(ErrorCodes.workspaceNotFound, 'no such workspace');
    return { ok: true, position: outcome.position, result: workspaceResult(outcome.state) };
  }
}
