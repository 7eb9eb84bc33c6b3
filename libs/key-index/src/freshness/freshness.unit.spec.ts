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

  it('resolves caughtUpOnce at the first catch-up', async () => {
    const f = new Freshness(STALE);
    let resolved = false;
    void f.caughtUpOnce.then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    f.markLive(undefined, 0);
    await Promise.resolve();
    expect(resolved).toBe(true);
  });
});

describe('Freshness after an acknowledged write', () => {
  it('stops answering at once until the acknowledged write is applied', () => {
    const f = new Freshness(STALE);
    f.markLive(at(5), 0);
    f.noteAcknowledged(at(9));
    expect(f.serving(1)).toBe(false);
    f.markApplied(at(8));
    expect(f.serving(2)).toBe(false);
    f.markApplied(at(9));
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
    f.markApplied(at(4));
    expect(f.serving(1)).toBe(false);
    f.markApplied(at(7));
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

  it('forgets a position the store does not hold once a live read that began after it ended without it', () => {
    const f = new Freshness(STALE);
    f.markLive(at(5), 0);
    f.noteAcknowledged(at(1_000_000)); // anyone on the bus could send this
    expect(f.markLive(at(5), 1)).toBeUndefined(); // this read may have begun before the acknowledgement
    expect(f.serving(1)).toBe(false);
    expect(f.markLive(at(6), 2)).toEqual(at(1_000_000));
    expect(f.serving(2)).toBe(true);
  });

  it('counts the reads again from a higher acknowledgement', () => {
    const f = new Freshness(STALE);
    f.markLive(at(5), 0);
    f.noteAcknowledged(at(8));
    f.markLive(at(5), 1);
    f.noteAcknowledged(at(9));
    f.markLive(at(5), 2);
    expect(f.serving(2)).toBe(false);
    f.markLive(at(9), 3);
    expect(f.serving(3)).toBe(true);
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
