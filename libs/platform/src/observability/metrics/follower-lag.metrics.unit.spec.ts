import { Registry } from 'prom-client';
import type { Position } from '@keyward/event-store';
import { FollowerLagMetrics } from './follower-lag.metrics';

const at = (n: number, commit = 1): Position => ({ commit: BigInt(commit), prepare: BigInt(n) });

const setup = () => {
  const registry = new Registry();
  let now = 1_000_000;
  const lag = new FollowerLagMetrics(registry, () => now);
  const gauge = async (name: string): Promise<number | undefined> => (await registry.getSingleMetric(name)?.get())?.values[0]?.value;
  return { lag, gauge, advance: (ms: number) => (now += ms) };
};

describe('FollowerLagMetrics', () => {
  it('shows no lag and not caught up before anything happened', async () => {
    const { gauge } = setup();
    expect([await gauge('keyward_follower_lag_events'), await gauge('keyward_follower_lag_seconds'), await gauge('keyward_follower_caught_up')]).toEqual([0, 0, 0]);
  });

  it('counts the events between the head it heard of and what it applied, and how long since it fell behind', async () => {
    const { lag, gauge, advance } = setup();
    lag.noteApplied(at(10), true);
    lag.noteHead(at(15));
    advance(1_500);
    lag.noteHead(at(18)); // a newer head does not restart the clock: the oldest unapplied append counts
    advance(500);
    expect(await gauge('keyward_follower_lag_events')).toBe(8);
    expect(await gauge('keyward_follower_lag_seconds')).toBe(2);
    lag.noteApplied(at(16), true); // progress, still behind
    expect(await gauge('keyward_follower_lag_events')).toBe(2);
    expect(await gauge('keyward_follower_lag_seconds')).toBe(2);
    lag.noteApplied(at(18), true);
    expect([await gauge('keyward_follower_lag_events'), await gauge('keyward_follower_lag_seconds')]).toEqual([0, 0]);
  });

  it('ignores a head it has already applied or passed, and an older hint', async () => {
    const { lag, gauge, advance } = setup();
    lag.noteApplied(at(20), true);
    lag.noteHead(at(20));
    lag.noteHead(at(12));
    advance(1_000);
    expect([await gauge('keyward_follower_lag_events'), await gauge('keyward_follower_lag_seconds')]).toEqual([0, 0]);
  });

  it('compares positions as pairs: a later transaction with a lower sequence is not behind', async () => {
    const { lag, gauge } = setup();
    lag.noteApplied(at(30, 2), true);
    lag.noteHead(at(29, 3)); // committed later, drew its number earlier
    expect(await gauge('keyward_follower_lag_events')).toBe(0);
    expect(await gauge('keyward_follower_lag_seconds')).toBe(0);
  });

  it('counts everything it heard of while it has applied nothing, and stays caught up once it was', async () => {
    const { lag, gauge } = setup();
    lag.noteHead(at(7));
    expect(await gauge('keyward_follower_lag_events')).toBe(7);
    lag.noteApplied(at(3), false);
    expect(await gauge('keyward_follower_caught_up')).toBe(0);
    lag.noteApplied(at(7), true);
    lag.noteApplied(at(7), false);
    expect(await gauge('keyward_follower_caught_up')).toBe(1);
  });
});
