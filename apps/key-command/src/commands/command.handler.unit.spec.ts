import type { CommandContext, KeyEvent } from '@keyward/contracts';
import type { BusinessClock } from '@keyward/platform';
import { ConcurrencyError, type EventStore, type ExpectedVersion, type ReadStreamResult } from '@keyward/event-store';
import type { AppendedPublisher } from './appended.publisher';
import { CommandHandler, type Evolver } from './command.handler';
import type { DecisionReads } from './decision-reads';

const context: CommandContext = { workspaceId: 'default', actor: 'key_caller', correlationId: 'req-1', grants: [], operator: false };
const counting: Evolver<number, KeyEvent> = { initialState: () => 0, evolve: (n) => n + 1 };
const revoked: KeyEvent = { type: 'KeyRevoked', data: { keyId: 'key_1', revokedAt: '2026-12-02T00:00:00.000Z' } };
const EMPTY: ReadStreamResult<KeyEvent> = { currentVersion: null, events: [] };

/** A store that counts reads and fails the first `conflicts` appends as a competing writer would. */
const fakeStore = (conflicts = 0) => {
  const calls = { reads: 0, appends: [] as ExpectedVersion[] };
  const store: Pick<EventStore, 'readStream' | 'appendToStream'> = {
    readStream: async () => {
      calls.reads++;
      return EMPTY as never;
    },
    appendToStream: async (streamId, _events, { expectedVersion }) => {
      calls.appends.push(expectedVersion);
      if (calls.appends.length <= conflicts) throw new ConcurrencyError(streamId, expectedVersion, 0n);
      return { nextExpectedVersion: 0n, position: { commit: 1n, prepare: 1n } };
    },
  };
  return { store: store as EventStore, calls };
};

const publisher = { publish: () => undefined } as unknown as AppendedPublisher;
const realClock: BusinessClock = { now: () => Date.now() };

describe('CommandHandler', () => {
  it('reads the stream, decides, and appends with the version it decided against', async () => {
    const { store, calls } = fakeStore();
    await new CommandHandler(store, publisher, realClock).handle('key-key_1', counting, context, () => [revoked]);
    expect(calls).toEqual({ reads: 1, appends: ['no_stream'] });
  });

  it('decides on a stream the caller has just read (a create) without reading it again', async () => {
    const { store, calls } = fakeStore();
    const handled = await new CommandHandler(store, publisher, realClock).handle('key-key_1', counting, context, () => [revoked], { read: EMPTY });
    expect(calls).toEqual({ reads: 0, appends: ['no_stream'] });
    expect(handled.state).toBe(1);
  });

  it('decides again, without spending a retry, when the workspace it rested on moved; never appends on the old version', async () => {
    const kept: string[] = [];
    const unchanged: unknown[] = [];
    const store = {
      readStream: async () => EMPTY,
      appendToStream: async (streamId: string, _events: unknown, options: { unchanged?: { streamId: string; version: bigint | null } }) => {
        unchanged.push(options.unchanged);
        // The workspace moved from version 3 to 4 after the first decision's copy was kept.
        if (options.unchanged?.version === 3n) throw new ConcurrencyError('workspace-default', 3n, 4n);
        return { nextExpectedVersion: 0n, position: { commit: 1n, prepare: 1n } };
      },
    } as unknown as EventStore;
    let version = 3n;
    const decide = (_state: number, _now: Date, reads: DecisionReads) => {
      kept.push(`decided on ${version}`);
      reads.used('workspace-default', version, version === 3n, () => (version = 4n));
      return [revoked];
    };
    await new CommandHandler(store, publisher, realClock).handle('key-key_1', counting, context, decide, { read: EMPTY });
    expect(kept).toEqual(['decided on 3', 'decided on 4']);
    expect(unchanged).toEqual([
      { streamId: 'workspace-default', version: 3n },
      { streamId: 'workspace-default', version: 4n },
    ]);
  });

  it('gives up after a few moves of the workspace, with the conflict', async () => {
    const store = {
      readStream: async () => EMPTY,
      appendToStream: async () => Promise.reject(new ConcurrencyError('workspace-default', 1n, 2n)),
    } as unknown as EventStore;
    const decide = (_state: number, _now: Date, reads: DecisionReads) => {
      reads.used('workspace-default', 1n, false, () => undefined);
      return [revoked];
    };
    await expect(new CommandHandler(store, publisher, realClock).handle('key-key_1', counting, context, decide)).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('makes a refusal on a kept workspace again on the workspace read now, and refuses only then', async () => {
    const { store, calls } = fakeStore();
    const plans: string[] = [];
    let plan = 'free';
    const decide = (_state: number, _now: Date, reads: DecisionReads) => {
      const kept = plan === 'free';
      reads.used('workspace-default', 1n, kept, () => (plan = 'pro'));
      plans.push(plan);
      if (plan === 'free') throw new Error('PLAN_UPGRADE_REQUIRED');
      return [revoked];
    };
    await new CommandHandler(store, publisher, realClock).handle('key-key_1', counting, context, decide);
    expect(plans).toEqual(['free', 'pro']);
    expect(calls.appends).toEqual(['no_stream']);
  });

  it('decides a refusal made on a kept copy once more, with kept copies barred, and then refuses', async () => {
    const { store } = fakeStore();
    const freshness: boolean[] = [];
    const decide = (_state: number, _now: Date, reads: DecisionReads): never => {
      freshness.push(reads.fresh);
      // A loader honouring `fresh` reads the stream; one that did not would hand a kept copy again.
      reads.used('workspace-default', 1n, !reads.fresh, () => undefined);
      throw new Error('PLAN_UPGRADE_REQUIRED');
    };
    await expect(new CommandHandler(store, publisher, realClock).handle('key-key_1', counting, context, decide)).rejects.toThrow('PLAN_UPGRADE_REQUIRED');
    expect(freshness).toEqual([false, true]);
  });

  it('reads afresh after a conflict, even when the caller had read the stream', async () => {
    const { store, calls } = fakeStore(1);
    await new CommandHandler(store, publisher, realClock).handle('key-key_1', counting, context, () => [revoked], { read: EMPTY, retriesOnConflict: 1 });
    expect(calls).toEqual({ reads: 1, appends: ['no_stream', 'no_stream'] });
  });

  it('decides at the business clock’s now (the test clock moves key-command as it moves the verifiers), and stamps the events with that same instant', async () => {
    const BUSINESS_NOW = Date.parse('2027-01-31T23:59:59.000Z');
    const stamped: string[] = [];
    const store = {
      readStream: async () => EMPTY,
      appendToStream: async (_streamId: string, events: readonly { metadata: { occurredAt: string } }[]) => {
        stamped.push(...events.map((e) => e.metadata.occurredAt));
        return { nextExpectedVersion: 0n, position: { commit: 1n, prepare: 1n } };
      },
    } as unknown as EventStore;
    const decidedAt: string[] = [];
    const clock: BusinessClock = { now: () => BUSINESS_NOW };
    await new CommandHandler(store, publisher, clock).handle('key-key_1', counting, context, (_state, now) => {
      decidedAt.push(now.toISOString());
      return [revoked, revoked];
    });
    expect(decidedAt).toEqual(['2027-01-31T23:59:59.000Z']);
    expect(stamped).toEqual(['2027-01-31T23:59:59.000Z', '2027-01-31T23:59:59.000Z']);
  });
});
