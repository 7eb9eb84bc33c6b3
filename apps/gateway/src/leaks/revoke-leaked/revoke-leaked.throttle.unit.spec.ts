import { RevokeLeakedThrottle } from './revoke-leaked.throttle';

describe('RevokeLeakedThrottle', () => {
  it('lets an address make 10 requests a minute by default, then asks it to wait', () => {
    const throttle = RevokeLeakedThrottle.fromEnv({});
    for (let i = 0; i < 10; i++) {
      expect(throttle.retryAfterSeconds('203.0.113.7', 0)).toBeUndefined();
      throttle.record('203.0.113.7', 0);
    }
    expect(throttle.retryAfterSeconds('203.0.113.7', 1_000)).toBe(59);
    expect(throttle.retryAfterSeconds('198.51.100.1', 1_000)).toBeUndefined();
  });

  it('takes another rate from KEYWARD_REVOKE_LEAKED_PER_MINUTE, and refuses one that is no positive whole number', () => {
    const throttle = RevokeLeakedThrottle.fromEnv({ KEYWARD_REVOKE_LEAKED_PER_MINUTE: '1' });
    throttle.record('a', 0);
    expect(throttle.retryAfterSeconds('a', 0)).toBe(60);
    for (const bad of ['0', '-1', '1.5', 'many']) expect(() => RevokeLeakedThrottle.fromEnv({ KEYWARD_REVOKE_LEAKED_PER_MINUTE: bad })).toThrow(/KEYWARD_REVOKE_LEAKED_PER_MINUTE/);
  });
});
