import type { Position } from '@keyward/event-store';
import { Freshness } from '@keyward/key-index';
import { indexState } from './index.health';

const at = (n: number): Position => ({ commit: 1n, prepare: BigInt(n) });

describe('indexState', () => {
  it('is catching-up until the index first reached the head, then ok', () => {
    const freshness = new Freshness(2_000);
    expect(indexState(freshness, 1_000)).toBe('catching-up');
    freshness.markApplied(at(5));
    expect(indexState(freshness, 1_000)).toBe('catching-up');
    freshness.markLive(at(5), 1_000);
    expect(indexState(freshness, 1_500)).toBe('ok');
  });

  it('is stale once the index may not answer: the head out of reach, or an acknowledged write not applied', () => {
    const freshness = new Freshness(2_000);
    freshness.markLive(at(5), 1_000);
    expect(indexState(freshness, 3_001)).toBe('stale');
    freshness.markLive(at(5), 4_000);
    expect(indexState(freshness, 5_000)).toBe('ok');
    freshness.noteAcknowledged(at(6));
    expect(indexState(freshness, 5_000)).toBe('stale');
  });
});
