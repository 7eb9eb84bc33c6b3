import { sessionLifetimesOf } from './session-lifetimes';

describe('sessionLifetimesOf', () => {
  it('defaults to 12 hours idle and 7 days in all', () => {
    expect(sessionLifetimesOf({})).toEqual({ idleMs: 43_200_000, maxMs: 604_800_000 });
  });

  it('takes whole seconds from the environment', () => {
    expect(sessionLifetimesOf({ KEYWARD_SESSION_IDLE_SECONDS: '2', KEYWARD_SESSION_MAX_SECONDS: '60' })).toEqual({ idleMs: 2_000, maxMs: 60_000 });
  });

  it.each(['0', '-1', '1.5', 'soon'])('refuses %j', (value) => {
    expect(() => sessionLifetimesOf({ KEYWARD_SESSION_IDLE_SECONDS: value })).toThrow(/KEYWARD_SESSION_IDLE_SECONDS must be a whole number of seconds/);
  });
});
