import type { Position } from '@keyward/event-store';
import { Freshness } from './freshness';

const at = (prepare: number): Position => ({ commit: 1n, prepare: BigInt(prepare) });
const STALE = 2_000;

describe('Freshness', () => {
  it('does not serve before the first catch-up', () => {
    expect(new Freshness(STALE).serving(0)).toBe(false);
  });

  it('serves once live, and stops when the store has been silent too long', () => {
    const f = new Freshness(STALE);
    f.markLive(at(5), 1_000);
    expect(f.serving(1_000 + STALE)).toBe(true);
    expect(f.serving(1_001 + STALE)).toBe(false);
    f.markLive(at(5), 5_000);
    expect(f.serving(5_000)).toBe(true);
  });

  it('stops serving when it heard of events it has not applied within the bound', () => {
    const f = new Freshness(STALE);
    f.markLive(at(5), 0);
    f.noteHead(at(9), 100);
    f.markLive(at(5), 1_500); // the store answers, but the event is not visible yet
    expect(f.serving(2_000)).toBe(true);
    f.markLive(at(5), 2_200);
    expect(f.serving(2_200)).toBe(false);
    f.markLive(at(9), 2_300);
    expect(f.serving(2_300)).toBe(true);
  });

  it('ignores a head it has already applied', () => {
    const f = new Freshness(STALE);
    f.markLive(at(9), 0);
    f.noteHead(at(7), 10);
    f.markLive(at(9), 5_000);
    expect(f.serving(5_000)).toBe(true);
  });

  it('restarts the clock while it makes progress towards a far head', () => {
    const f = new Freshness(STALE);
    f.markLive(at(1), 0);
    f.noteHead(at(100), 0);
    f.markApplied(at(50), 1_900);
    f.markLive(at(50), 3_000);
    expect(f.serving(3_000)).toBe(true);
  });
});
