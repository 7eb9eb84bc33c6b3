import type { RecordedEvent } from '../event-store.port';
import type { Position } from '../position';
import { CatchUpSubscription } from './catch-up-subscription';

const at = (commit: number): Position => ({ commit: BigInt(commit), prepare: 1n });
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const event = (commit: number): RecordedEvent =>
  ({ eventId: `e${commit}`, streamId: 's', streamVersion: 0n, position: at(commit), recordedAt: new Date(0), type: 'x', data: {}, metadata: {} }) as unknown as RecordedEvent;

/** A history whose reads stay pending until the test answers them; the poll is far away, so only hints read. */
const held = () => {
  const answers: ((events: readonly RecordedEvent[]) => void)[] = [];
  const subscription = new CatchUpSubscription(
    () => new Promise((resolve) => answers.push(resolve)),
    { batchSize: 100, pollMs: 60_000, retryMs: 10, maxRetryMs: 10 },
    { onEvents: async () => undefined },
  );
  const answer = async (...commits: number[]): Promise<void> => {
    answers.shift()?.(commits.map(event));
    await settle();
  };
  return { subscription, reads: () => answers.length, answer };
};

describe('CatchUpSubscription hints', () => {
  it('skips a hint the read in flight got past (the PostgreSQL and NATS hints of one append race)', async () => {
    const { subscription, reads, answer } = held();
    await answer(1);
    subscription.wake(at(2));
    await settle();
    expect(reads()).toBe(1);
    subscription.wake(at(2)); // the other hint of the same append, while the read is in flight
    await answer(2);
    expect(reads()).toBe(0);
    subscription.wake(at(2)); // and one that comes late
    await settle();
    expect(reads()).toBe(0);
    await subscription.stop();
  });

  it('reads again at once after a hint beyond what the read in flight got', async () => {
    const { subscription, reads, answer } = held();
    await answer();
    subscription.wake(at(1));
    await settle();
    subscription.wake(at(3));
    await answer(1);
    expect(reads()).toBe(1);
    await answer(3);
    expect(reads()).toBe(0);
    await subscription.stop();
  });

  it('reads again at once after a hint that names no position', async () => {
    const { subscription, reads, answer } = held();
    await answer(1);
    subscription.wake(at(2));
    await settle();
    subscription.wake();
    await answer(2);
    expect(reads()).toBe(1);
    await answer();
    await subscription.stop();
  });
});
