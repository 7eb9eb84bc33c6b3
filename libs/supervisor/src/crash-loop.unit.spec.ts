import { isCrashLoop, recordExit } from './crash-loop';

const rule = { crashLoopExits: 3, crashLoopWindowMs: 1_000 };

describe('crash-loop detection', () => {
  it('is a crash loop once the rule\'s number of exits fall within the window', () => {
    const exits = [0, 400, 800].reduce<number[]>((recent, at) => recordExit(recent, at, rule), []);
    expect(exits).toEqual([0, 400, 800]);
    expect(isCrashLoop(exits, rule)).toBe(true);
  });

  it('forgets exits that left the window, so spread-out exits are not a loop and the list stays bounded', () => {
    let exits: number[] = [];
    for (let at = 0; at < 100_000; at += 600) exits = recordExit(exits, at, rule);
    expect(exits).toHaveLength(2);
    expect(isCrashLoop(exits, rule)).toBe(false);
  });

  it('counts an exit exactly one window old as outside it', () => {
    expect(recordExit([0, 500], 1_000, rule)).toEqual([500, 1_000]);
  });
});
