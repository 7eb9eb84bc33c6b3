import type { Position } from '../position';
import { WakeUpNotifier, type NotifyConnection } from './wake-up-notifier';

const at = (commit: number): Position => ({ commit: BigInt(commit), prepare: 1n });

/** A pool whose queries stay pending until the test answers them, recording what was sent. */
const heldPool = () => {
  const sent: unknown[][] = [];
  const answers: ((fail?: Error) => void)[] = [];
  let ended = false;
  const pool: NotifyConnection = {
    query: (_text, values) => {
      sent.push(values);
      return new Promise((resolve, reject) => answers.push((fail) => (fail ? reject(fail) : resolve(undefined))));
    },
    end: async () => void (ended = true),
  };
  return { pool, sent, ended: () => ended, answer: async (fail?: Error) => (answers.shift()?.(fail), await new Promise((r) => setImmediate(r))) };
};

describe('WakeUpNotifier', () => {
  it('notifies at once, then covers every append committed meanwhile with one more NOTIFY', async () => {
    const { pool, sent, ended, answer } = heldPool();
    const notifier = new WakeUpNotifier(pool, 'keyward_events_public', 0);
    notifier.notify(at(1));
    expect(sent).toEqual([['keyward_events_public', '1.1']]);
    for (let i = 5; i > 1; i--) notifier.notify(at(i));
    expect(sent).toHaveLength(1);
    await answer();
    // The one more carries the highest position committed meanwhile, whatever order the appends returned in.
    expect(sent).toEqual([['keyward_events_public', '1.1'], ['keyward_events_public', '5.1']]);
    await answer();
    expect(sent).toHaveLength(2);
    notifier.notify(at(6));
    expect(sent).toHaveLength(3);
    const closing = notifier.close();
    await new Promise((r) => setImmediate(r));
    expect(ended()).toBe(false); // not while a NOTIFY is in flight
    await answer();
    await closing;
    expect(ended()).toBe(true);
  });

  it('announces an append after a quiet spell at once, and back-to-back ones at most once per gap', async () => {
    const { pool, sent, answer } = heldPool();
    const notifier = new WakeUpNotifier(pool, 'channel', 200);
    notifier.notify(at(1));
    expect(sent).toHaveLength(1);
    await answer();
    notifier.notify(at(2));
    notifier.notify(at(3));
    expect(sent).toHaveLength(1); // answered, but the gap has not passed
    await new Promise((r) => setTimeout(r, 250));
    expect(sent).toHaveLength(2); // one NOTIFY for both
    await answer();
    await new Promise((r) => setTimeout(r, 250));
    expect(sent).toHaveLength(2);
    notifier.notify(at(4));
    expect(sent).toHaveLength(3); // quiet for longer than the gap: at once
    await answer();
    await notifier.close();
  });

  it('keeps notifying after a NOTIFY failed: it is a hint, never an error to the append', async () => {
    const { pool, sent, answer } = heldPool();
    const notifier = new WakeUpNotifier(pool, 'channel', 0);
    notifier.notify(at(1));
    notifier.notify(at(1));
    await answer(new Error('connection lost'));
    expect(sent).toHaveLength(2);
    await answer();
    notifier.notify(at(1));
    expect(sent).toHaveLength(3);
    await answer();
  });
});
