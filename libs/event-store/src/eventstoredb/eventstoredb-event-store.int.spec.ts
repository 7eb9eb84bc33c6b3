import { describeEventStoreContract } from '../testing';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const url = process.env.EVENTSTORE_URL;

if (url) {
  jest.setTimeout(30_000);
  // Streams are named uniquely per test and each test starts after the newest event, so one
  // server serves every run. EventStoreDB has no client-held transactions (no slow-writer case)
  // and accepts a repeated event id in another stream (no duplicate-id atomicity case).
  describeEventStoreContract('EventStoreDB', async () => {
    const store = EventStoreDbEventStore.fromConnectionString(url);
    return { store, teardown: () => store.close() };
  });
} else {
  describe('event store contract: EventStoreDB', () => {
    it.skip('is skipped: EVENTSTORE_URL is not set (e.g. esdb://localhost:2113?tls=false)', () => undefined);
  });
}
