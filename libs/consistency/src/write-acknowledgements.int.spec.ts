import { connect, type NatsConnection } from 'nats';
import type { Position } from '@keyward/event-store';
import { onWriteAcknowledged, WriteAcknowledger } from './write-acknowledgements';

/** Real NATS; a commit number of this run's own keeps other tests' acknowledgements out. */
describe('WriteAcknowledger over NATS', () => {
  const commit = BigInt(3_000_000 + Math.floor(Math.random() * 1_000_000));
  const at = (n: number): Position => ({ commit, prepare: BigInt(n) });
  let writer: NatsConnection;
  let verifier: NatsConnection;
  let heard: bigint[];

  beforeEach(async () => {
    if (!process.env.NATS_URL) throw new Error('NATS_URL is not set: run the tests with "npm test"');
    [writer, verifier] = await Promise.all([connect({ servers: process.env.NATS_URL }), connect({ servers: process.env.NATS_URL })]);
    heard = [];
    onWriteAcknowledged(verifier, (p) => {
      if (p.commit === commit) heard.push(p.prepare);
    });
    await verifier.flush();
  });

  afterEach(async () => {
    await Promise.all([writer.isClosed() ? undefined : writer.drain(), verifier.drain()]);
  });

  /** The flush confirmed the server took the message; the verifier's own round trip comes after its delivery. */
  const delivered = (): Promise<void> => verifier.flush();

  it('sends the writes answered together as one acknowledgement of the highest position', async () => {
    const acknowledger = new WriteAcknowledger(writer);
    await Promise.all([acknowledger.acknowledge(at(3)), acknowledger.acknowledge(at(7)), acknowledger.acknowledge(at(5))]);
    await delivered();
    expect(heard).toEqual([7n]);
  });

  it('sends a write that comes while a round is in flight in the next round, so every write is covered', async () => {
    const acknowledger = new WriteAcknowledger(writer);
    const first = acknowledger.acknowledge(at(1));
    await new Promise((r) => setImmediate(r)); // the first round's flush is now on its way
    const later = [acknowledger.acknowledge(at(4)), acknowledger.acknowledge(at(2))];
    await Promise.all([first, ...later]);
    await delivered();
    expect(heard).toEqual([1n, 4n]);
  });

  it('rejects every write of a round the bus did not confirm', async () => {
    const acknowledger = new WriteAcknowledger(writer);
    await writer.close();
    await expect(Promise.all([acknowledger.acknowledge(at(1)), acknowledger.acknowledge(at(2))])).rejects.toThrow();
  });
});
