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

describe('Freshness after an acknowledged write', () => {
  it('stops answering at once until the acknowledged write is applied', () => {
    const f = new Freshness(STALE);
    f.markLive(at(5), 0);
    f.noteAcknowledged(at(9));
    expect(f.serving(1)).toBe(false);
    f.markApplied(at(8), 2);
    expect(f.serving(2)).toBe(false);
    f.markApplied(at(9), 3);
    expect(f.serving(3)).toBe(true);
  });

  it('keeps answering when it had applied the acknowledged write already', () => {
    const f = new Freshness(STALE);
    f.markLive(at(9), 0);
    f.noteAcknowledged(at(9));
    f.noteAcknowledged(at(3));
    expect(f.serving(1)).toBe(true);
  });

  it('waits for the highest of several acknowledgements', () => {
    const f = new Freshness(STALE);
    f.markLive(at(1), 0);
    f.noteAcknowledged(at(7));
    f.noteAcknowledged(at(4));
    f.markApplied(at(4), 1);
    expect(f.serving(1)).toBe(false);
    f.markApplied(at(7), 2);
    expect(f.serving(2)).toBe(true);
  });

  it('owes an acknowledgement heard before its first catch-up', () => {
    const f = new Freshness(STALE);
    f.noteAcknowledged(at(3));
    f.markLive(at(2), 0);
    expect(f.serving(0)).toBe(false);
    f.markLive(at(3), 1);
    expect(f.serving(1)).toBe(true);
  });
});

describe('Freshness after the bus was lost', () => {
  it('answers again only after a read that began once the bus was back', () => {
    const f = new Freshness(STALE);
    f.markLive(at(5), 0);
    f.noteBusLost();
    expect(f.serving(1)).toBe(false);
    f.markLive(at(5), 2); // may be the end of a read that began before the loss
    expect(f.serving(2)).toBe(false);
    f.markLive(at(6), 3);
    expect(f.serving(3)).toBe(true);
  });
});
