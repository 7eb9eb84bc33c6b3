import { WakeUpNotifier, type Queryable } from './wake-up-notifier';

/** A pool whose queries stay pending until the test answers them, recording what was sent. */
const heldPool = () => {
  const sent: unknown[][] = [];
  const answers: ((fail?: Error) => void)[] = [];
  const pool: Queryable = {
    query: (_text, values) => {
      sent.push(values);
      return new Promise((resolve, reject) => answers.push((fail) => (fail ? reject(fail) : resolve(undefined))));
    },
  };
  return { pool, sent, answer: async (fail?: Error) => (answers.shift()?.(fail), await new Promise((r) => setImmediate(r))) };
};

describe('WakeUpNotifier', () => {
  it('notifies at once, then covers every append committed meanwhile with one more NOTIFY', async () => {
    const { pool, sent, answer } = heldPool();
    const notifier = new WakeUpNotifier(pool, 'keyward_events_public');
    notifier.notify();
    expect(sent).toEqual([['keyward_events_public']]);
    for (let i = 0; i < 5; i++) notifier.notify();
    expect(sent).toHaveLength(1);
    await answer();
    expect(sent).toHaveLength(2);
    await answer();
    await notifier.idle();
    expect(sent).toHaveLength(2);
    notifier.notify();
    expect(sent).toHaveLength(3);
    await answer();
    await notifier.idle();
  });

  it('keeps notifying after a NOTIFY failed: it is a hint, never an error to the append', async () => {
    const { pool, sent, answer } = heldPool();
    const notifier = new WakeUpNotifier(pool, 'channel');
    notifier.notify();
    notifier.notify();
    await answer(new Error('connection lost'));
    expect(sent).toHaveLength(2);
    await answer();
    await notifier.idle();
    notifier.notify();
    expect(sent).toHaveLength(3);
    await answer();
  });
});
