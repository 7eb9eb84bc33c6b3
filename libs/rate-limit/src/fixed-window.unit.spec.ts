import { currentCount, windowEnd } from './fixed-window';

describe('fixed windows aligned to the epoch', () => {
  const windowMs = 10_000;

  it('starts a fresh window at the multiple of its length at or before now', () => {
    expect(currentCount(undefined, 1_234_567, windowMs)).toEqual({ start: 1_230_000, windowMs, used: 0 });
    expect(windowEnd(currentCount(undefined, 1_239_999, windowMs))).toBe(1_240_000);
    expect(currentCount(undefined, 1_240_000, windowMs).start).toBe(1_240_000);
  });

  it('keeps the stored count within its window and drops it once the window is over', () => {
    const stored = { start: 1_230_000, windowMs, used: 7 };
    expect(currentCount(stored, 1_239_999, windowMs)).toBe(stored);
    expect(currentCount(stored, 1_240_000, windowMs)).toEqual({ start: 1_240_000, windowMs, used: 0 });
  });

  it("follows a replica whose clock runs ahead: a later stored window is never counted again from zero", () => {
    const ahead = { start: 1_240_000, windowMs, used: 3 };
    expect(currentCount(ahead, 1_239_990, windowMs)).toBe(ahead);
  });

  it('starts afresh when the window length changes', () => {
    const stored = { start: 1_230_000, windowMs, used: 7 };
    expect(currentCount(stored, 1_235_000, 60_000)).toEqual({ start: 1_200_000, windowMs: 60_000, used: 0 });
  });
});
