import { Injectable } from '@nestjs/common';
import { identityStreamId, type CommandContext, type IdentityEvent } from '@keyward/contracts';
import { decideIdentity, identityDecider, type IdentityCommand, type IdentityState } from '@keyward/domain';
import type { ReadStreamResult } from '@keyward/event-store';
import { CommandHandler, type Handled } from '../commands/command.handler';
import { ExternalIdClaims } from './external-id-claims';

/** The external id an identity's events give it anew, if any: that one must be claimed first. */
const externalIdTaken = (events: readonly IdentityEvent[]): string | undefined => {
  for (const e of events) {
    if (e.type === 'IdentityCreated') return e.data.externalId;
    if (e.type === 'IdentityChanged' && e.data.externalId !== undefined) return e.data.externalId;
  }
  return undefined;
};

/** Every identity write: decide, claim an external id the events take, append (one home for that order). */
@Injectable()
export class IdentityWrites {
  constructor(
    private readonly commands: CommandHandler,
    private readonly claims: ExternalIdClaims,
  ) {}

  handle(command: IdentityCommand, context: CommandContext, read?: ReadStreamResult<IdentityEvent>): Promise<Handled<IdentityState, IdentityEvent>> {
    return this.commands.handle(
      identityStreamId(command.identityId),
      identityDecider,
      context,
      async (state, now, reads) => {
        const events = decideIdentity(command, state, now);
        const externalId = externalIdTaken(events);
        if (externalId !== undefined) await this.claims.claim({ identityId: command.identityId, workspaceId: command.workspaceId, externalId }, context, now, reads);
        return events;
      },
      { ...(read ? { read } : {}), ...(command.type === 'DeleteIdentity' ? { retriesOnConflict: 3 } : {}) },
    );
  }
}
