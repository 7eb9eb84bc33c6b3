import { Inject, Injectable } from '@nestjs/common';
import { ErrorCodes, IDEMPOTENCY_WINDOW_MS, type CommandContext, type DomainEvent } from '@keyward/contracts';
import { derivedIds, DomainError, randomIds, type IdSource } from '@keyward/domain';
import type { EventStore, ReadStreamResult } from '@keyward/event-store';
import { BusinessClock, EVENT_STORE, PEPPER } from '@keyward/platform';

/**
 * What a create makes: each kind gets its own ids, so a key and a role never share a derivation,
 * nor a new workspace's admin key and a key created later in it with the same Idempotency-Key.
 */
export type CreatedKind = 'key' | 'admin-key' | 'role' | 'workspace' | 'identity';

/** The id of an aggregate to create, and its stream as read just now, for the create to decide on. */
export interface NewStream<E extends DomainEvent> {
  readonly id: string;
  /** Empty for an id drawn at random, which no stream holds yet; with an Idempotency-Key, what an earlier attempt wrote. */
  readonly stream: ReadStreamResult<E>;
}

/** Reuses of one Idempotency-Key, each more than 24 hours after the last, that a create looks through. */
const MAX_GENERATIONS = 100;

/**
 * Ids of new aggregates. With an `Idempotency-Key` the id is derived from (kind, workspace, key,
 * generation), so a retried create lands on the stream its first attempt wrote and finds its events
 * there, even when the gateway lost its record. A key is remembered for 24 hours only (product.md
 * section 7): once the stream it derived to was created longer ago than that, the key's next use
 * is a new request and derives the next generation's id. Keyed with the pepper, so that knowing a
 * request's idempotency key does not tell the id in advance.
 */
@Injectable()
export class IdempotentIds {
  constructor(
    @Inject(PEPPER) private readonly pepper: Buffer,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: BusinessClock,
  ) {}

  /** The aggregate to create: `make` turns an id source into an id, `streamOf` names its stream. */
  async for<E extends DomainEvent>(kind: CreatedKind, context: CommandContext, make: (ids: IdSource) => string, streamOf: (id: string) => string): Promise<NewStream<E>> {
    const key = context.idempotency?.key;
    if (key === undefined) return { id: make(randomIds), stream: { currentVersion: null, events: [] } };
    const base = `keyward-id\0${kind}\0${context.workspaceId}\0${key}`;
    // The clock that stamped the events' occurredAt (CommandHandler).
    const since = this.clock.now() - IDEMPOTENCY_WINDOW_MS;
    for (let generation = 0; generation < MAX_GENERATIONS; generation++) {
      // Generation 0 is the derivation of streams written before generations existed.
      const id = make(derivedIds(this.pepper, generation === 0 ? base : `${base}\0${generation}`));
      const stream = await this.store.readStream<E>(streamOf(id));
      const [first] = stream.events;
      if (first === undefined || Date.parse(first.metadata.occurredAt) > since) return { id, stream };
    }
    throw new DomainError(ErrorCodes.conflict, 'this Idempotency-Key has been used too many times; send a new key');
  }
}
