import { afterIoTurn } from './io-turn';

describe('afterIoTurn', () => {
  it('lets every caller of one turn continue before a microtask the first of them queues (one NATS flush for all)', async () => {
    const order: string[] = [];
    await Promise.all(
      [1, 2, 3].map(async (i) => {
        await afterIoTurn();
        order.push(`request ${i}`);
        if (i === 1) queueMicrotask(() => order.push('flush'));
      }),
    );
    expect(order).toEqual(['request 1', 'request 2', 'request 3', 'flush']);
  });

  it('is one promise within a turn and a new one after it resolved', async () => {
    const first = afterIoTurn();
    expect(afterIoTurn()).toBe(first);
    await first;
    const second = afterIoTurn();
    expect(second).not.toBe(first);
    await second;
  });
});
