import type { CommandContext, KeyEvent } from '@keyward/contracts';
import { ConcurrencyError, type EventStore, type ExpectedVersion, type ReadStreamResult } from '@keyward/event-store';
import type { AppendedPublisher } from './appended.publisher';
import { CommandHandler, type Evolver } from './command.handler';

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

describe('CommandHandler', () => {
  it('reads the stream, decides, and appends with the version it decided against', async () => {
    const { store, calls } = fakeStore();
    await new CommandHandler(store, publisher).handle('key-key_1', counting, context, () => [revoked]);
    expect(calls).toEqual({ reads: 1, appends: ['no_stream'] });
  });

  it('decides on a stream the caller has just read (a create) without reading it again', async () => {
    const { store, calls } = fakeStore();
    const handled = await new CommandHandler(store, publisher).handle('key-key_1', counting, context, () => [revoked], { read: EMPTY });
    expect(calls).toEqual({ reads: 0, appends: ['no_stream'] });
    expect(handled.state).toBe(1);
  });

  it('reads afresh after a conflict, even when the caller had read the stream', async () => {
    const { store, calls } = fakeStore(1);
    await new CommandHandler(store, publisher).handle('key-key_1', counting, context, () => [revoked], { read: EMPTY, retriesOnConflict: 1 });
    expect(calls).toEqual({ reads: 1, appends: ['no_stream', 'no_stream'] });
  });
});
