import { randomUUID } from 'node:crypto';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const url = process.env.EVENTSTORE_URL;

if (url) {
  jest.setTimeout(30_000);
  // Streams are named uniquely per test, so one server serves every run.
  describeEventStoreContract(`EventStoreDB ${randomUUID().slice(0, 8)}`, async () => {
    const store = EventStoreDbEventStore.fromConnectionString(url);
    return { store, teardown: () => store.close() };
  });
} else {
  describe('event store contract: EventStoreDB', () => {
    it.skip('runs only when EVENTSTORE_URL names a server (none can run on this machine)', () => undefined);
  });
}
