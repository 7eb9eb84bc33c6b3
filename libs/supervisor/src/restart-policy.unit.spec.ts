import { decideRestart, DEFAULT_RESTART_POLICY, NO_RESTART_HISTORY, type RestartDecision, type RestartHistory } from './restart-policy';

/** Runs that each last `uptimeMs`, with the decided delay between them; the decisions in order. */
const replay = (uptimesMs: readonly number[], policy = DEFAULT_RESTART_POLICY): RestartDecision[] => {
  const decisions: RestartDecision[] = [];
  let history: RestartHistory = NO_RESTART_HISTORY;
  let startedAt = 0;
  for (const uptime of uptimesMs) {
    const exitedAt = startedAt + uptime;
    const decision = decideRestart(history, { startedAt, exitedAt }, policy);
    decisions.push(decision);
    history = decision.history;
    startedAt = exitedAt + decision.delayMs;
  }
  return decisions;
};

describe('decideRestart with the default policy', () => {
  it('restarts a service killed once after 250 ms, and reports no crash loop', () => {
    expect(replay([60_000])).toEqual([expect.objectContaining({ delayMs: 250, crashLoop: false })]);
  });

  it('backs off on quick exits in a row, then reports a crash loop and keeps retrying at the longest delay', () => {
    const decisions = replay(Array.from({ length: 8 }, () => 100));
    expect(decisions.map((d) => d.delayMs)).toEqual([250, 500, 1_000, 2_000, 10_000, 10_000, 10_000, 10_000]);
    expect(decisions.map((d) => d.crashLoop)).toEqual([false, false, false, false, true, true, true, true]);
  });

  it('starts the backoff over after a run that stayed up long enough', () => {
    const decisions = replay([100, 100, 30_000, 100]);
    expect(decisions.map((d) => d.delayMs)).toEqual([250, 500, 250, 500]);
  });

  it('leaves the crash loop once exits are spread wider than the window', () => {
    const decisions = replay([100, 100, 100, 100, 100, 100, 61_000]);
    expect(decisions.map((d) => d.crashLoop)).toEqual([false, false, false, false, true, true, false]);
    expect(decisions.at(-1)?.delayMs).toBe(250);
  });
});
