import { Inject, Injectable } from '@nestjs/common';
import { ErrorCodes, identityStreamId, type CommandContext, type IdentityEvent, type IdentityExternalIdReserved } from '@keyward/contracts';
import { decideExternalIdClaim, DomainError, externalIdStreamId, identityDecider, lastClaim, type ClaimRequest } from '@keyward/domain';
import { ConcurrencyError, type EventStore } from '@keyward/event-store';
import { EVENT_STORE } from '@keyward/platform';
import { AppendedPublisher } from '../commands/appended.publisher';
import type { DecisionReads } from '../commands/decision-reads';
import { eventMetadata } from '../commands/event-metadata';

/**
 * Keeps external ids unique per workspace without a race (README "Identities"): the claim is
 * appended to the id's own stream at the version read, and the identity's event is appended only
 * while that stream is still there (`reads`), so of two identities claiming one id at once, one is
 * refused. A unique index in the read model would come too late: the history would hold both.
 */
@Injectable()
export class ExternalIdClaims {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly appended: AppendedPublisher,
  ) {}

  async claim(request: ClaimRequest, context: CommandContext, now: Date, reads: DecisionReads): Promise<void> {
    const streamId = externalIdStreamId(request.workspaceId, request.externalId);
    const stream = await this.store.readStream<IdentityExternalIdReserved>(streamId);
    const claim = lastClaim(stream.events);
    const holder =
      claim === undefined || claim.identityId === request.identityId
        ? identityDecider.initialState()
        : (await this.store.readStream<IdentityEvent>(identityStreamId(claim.identityId))).events.reduce(identityDecider.evolve, identityDecider.initialState());
    const events = decideExternalIdClaim(claim, holder, request, now);
    let version = stream.currentVersion;
    if (events.length > 0) {
      const metadata = eventMetadata(context, now);
      try {
        const appended = await this.store.appendToStream(streamId, events.map((e) => ({ type: e.type, data: e.data, metadata })), { expectedVersion: version ?? 'no_stream' });
        version = appended.nextExpectedVersion;
        this.appended.publish(appended.position);
      } catch (error) {
        if (error instanceof ConcurrencyError) throw new DomainError(ErrorCodes.conflict, 'another identity claimed this externalId at the same time', 'externalId');
        throw error;
      }
    }
    reads.used(streamId, version, false, () => undefined);
  }
}
