import { Logger } from '@nestjs/common';
import { Registry } from 'prom-client';
import type { NatsConnection, Subscription as NatsSubscription } from 'nats';
import { Subjects, type FollowerProgress } from '@keyward/contracts';
import { positionToToken, type EventStore, type Position, type RecordedEvent, type SubscriptionHandlers } from '@keyward/event-store';
import { FollowerLagMetrics } from '@keyward/platform';
import { Freshness, KeyIndex, type ApplyOutcome } from '@keyward/key-index';
import { indexedKey, recorded, restrictedKey, roleChanged, roleCreated } from '@keyward/key-index/testing';
import { IndexSnapshots } from '../snapshot/index-snapshots.service';
import { EventFollower } from './event-follower.service';

/** A store that hands the follower whatever batches the test feeds it. */
const fakeStore = () => {
  let handlers: SubscriptionHandlers | undefined;
  /** The head each hint named: the subscription skips what it is past (catch-up-subscription.unit.spec.ts). */
  const wakes: (Position | undefined)[] = [];
  const store: Pick<EventStore, 'subscribeToAll'> = {
    subscribeToAll: (_options, h) => {
      handlers = h;
      return { wake: (head) => void wakes.push(head), stop: async () => undefined };
    },
  };
  const feed = async (events: readonly RecordedEvent[]): Promise<void> => {
    await handlers?.onEvents(events);
    handlers?.onLive?.(events[events.length - 1]?.position);
  };
  return { store: store as EventStore, feed, wakes };
};

/** A bus that keeps every progress report the follower publishes. */
const fakeNats = () => {
  const reports: FollowerProgress[] = [];
  const listeners = new Map<string, (data: Uint8Array) => void>();
  const nats: Pick<NatsConnection, 'subscribe' | 'publish' | 'isClosed' | 'flush' | 'status'> = {
    subscribe: (subject, options) => {
      listeners.set(subject, (data) => options?.callback?.(null, { data } as Parameters<NonNullable<NonNullable<typeof options>['callback']>>[1]));
      return { unsubscribe: () => undefined } as NatsSubscription;
    },
    flush: async () => undefined,
    status: () => [][Symbol.iterator]() as unknown as ReturnType<NatsConnection['status']>,
    publish: (subject, data) => {
      if (subject === Subjects.followerProgress && data) reports.push(JSON.parse(Buffer.from(data as Uint8Array).toString('utf8')) as FollowerProgress);
    },
    isClosed: () => false,
  };
  return { nats: nats as NatsConnection, reports, listeners };
};

/**
 * The follower applies every event it can, skips bad ones without logging their data, and
 * acknowledges each batch's last position, role and workspace events included, so that writers
 * waiting on that position (product.md section 5) see the change in every verifier.
 */
describe('EventFollower', () => {
  const errors: string[] = [];
  beforeEach(() => {
    errors.length = 0;
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const start = async (index = new KeyIndex()) => {
    const { store, feed, wakes } = fakeStore();
    const { nats, reports, listeners } = fakeNats();
    const follower = new EventFollower(store, nats, index, new Freshness(60_000), new FollowerLagMetrics(new Registry()), new IndexSnapshots(null, Buffer.alloc(32)));
    await follower.onApplicationBootstrap();
    return { feed, reports, index, follower, wakes, listeners };
  };

  it('hands the subscription the position each hint names, acknowledged writes and appended notices alike', async () => {
    const { feed, wakes, listeners } = await start();
    const key = restrictedKey([]);
    await feed([key.event]);
    const applied = key.event.position;
    const beyond = { commit: applied.commit, prepare: applied.prepare + 1n };
    const notice = (subject: string, p: typeof applied): void => listeners.get(subject)?.(Buffer.from(JSON.stringify({ position: positionToToken(p) })));
    wakes.length = 0;
    notice(Subjects.writeAcknowledged, applied);
    notice(Subjects.eventsAppended, beyond);
    expect(wakes).toEqual([applied, beyond]);
  });

  it('skips a malformed event, applies the rest, and says where the bad one was, never its data', async () => {
    const { feed, index } = await start();
    const key = restrictedKey(['role_a']);
    const secretLike = 'kw_live_not_a_real_secret_but_must_not_be_logged';
    const bad = recorded({ type: 'KeyCreated', data: { keyId: 'key_bad', name: secretLike } });
    await feed([roleCreated('role_a', ['calls:read']), bad, key.event]);
    expect(indexedKey(index, key.secret)?.granted.permissions).toEqual(['calls:read']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^skipped KeyCreated at test@0: KeyCreated: \w+ is missing or invalid$/);
    expect(errors[0]).not.toContain(secretLike);
  });

  it('logs only the name of an unexpected error, whose message might quote event data', async () => {
    const quoted = 'kw_live_quoted_in_an_error_message';
    class FailingIndex extends KeyIndex {
      override apply(): ApplyOutcome {
        throw new TypeError(`cannot read ${quoted}`);
      }
    }
    const { feed, reports, follower } = await start(new FailingIndex());
    const event = restrictedKey(['read-only']).event;
    await feed([event]);
    expect(errors).toEqual(['skipped KeyCreated at test@0: TypeError']);
    // Skipped, and still acknowledged: a bad event must not hold every writer up.
    expect(reports.filter((r) => r.followerId === follower.followerId).map((r) => r.position)).toContain(positionToToken(event.position));
  });

  it('acknowledges the last position of each batch, whether it held key, role or workspace events', async () => {
    const { feed, reports, follower } = await start();
    const key = restrictedKey(['role_a']);
    const first = [roleCreated('role_a', ['calls:read']), key.event];
    await feed(first);
    const edit = roleChanged('role_a', ['calls:write']);
    await feed([edit]);
    const plan = recorded({ type: 'WorkspacePlanChanged', data: { workspaceId: 'default', plan: 'pro', changedAt: '' } });
    const newer = recorded({ type: 'SomethingNewer', data: {} });
    await feed([plan, newer]);
    const mine = reports.filter((r) => r.followerId === follower.followerId && r.kind === 'verifier' && r.position !== undefined);
    const positions = mine.map((r) => r.position);
    expect(positions).toContain(positionToToken(first[1].position));
    expect(positions).toContain(positionToToken(edit.position));
    expect(mine[mine.length - 1]).toMatchObject({ caughtUp: true });
    // A batch ending in an event the index ignores is still acknowledged up to that event.
    expect(positions[positions.length - 1]).toBe(positionToToken(newer.position));
  });
});
