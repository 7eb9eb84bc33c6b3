import { SignInLimiter } from '../session/sign-in.limiter';
import { AddressThrottle, throttleBucketOf } from './address-throttle';

describe('AddressThrottle (as the sign-in uses it)', () => {
  const NOW = 1_000_000;

  it('lets an address fail 10 times in the window, then asks it to wait until the window ends', () => {
    const limiter = new SignInLimiter();
    for (let i = 0; i < 10; i++) {
      expect(limiter.retryAfterSeconds('203.0.113.7', NOW)).toBeUndefined();
      limiter.record('203.0.113.7', NOW);
    }
    expect(limiter.retryAfterSeconds('203.0.113.7', NOW + 1_000)).toBe(299);
    expect(limiter.retryAfterSeconds('198.51.100.1', NOW)).toBeUndefined();
    expect(limiter.retryAfterSeconds('203.0.113.7', NOW + 300_000)).toBeUndefined();
  });

  it('starts a new window after the old one ended', () => {
    const limiter = new AddressThrottle(2, 1_000);
    limiter.record('a', NOW);
    limiter.record('a', NOW + 1_500);
    expect(limiter.retryAfterSeconds('a', NOW + 1_600)).toBeUndefined();
    limiter.record('a', NOW + 1_700);
    expect(limiter.retryAfterSeconds('a', NOW + 1_800)).toBe(1);
  });

  it('remembers a bounded number of addresses', () => {
    const limiter = new AddressThrottle(1, 60_000);
    for (let i = 0; i <= 10_000; i++) limiter.record(`10.0.${i >> 8}.${i & 255}`, NOW);
    expect(limiter.retryAfterSeconds('10.0.0.0', NOW)).toBeUndefined();
    expect(limiter.retryAfterSeconds('10.0.39.16', NOW)).toBe(60);
  });
});

describe('throttleBucketOf', () => {
  it('counts an IPv6 address by its /64, however it is written', () => {
    expect(throttleBucketOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleBucketOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(throttleBucketOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleBucketOf('::1')).toBe('0:0:0:0::/64');
  });

  it('counts an IPv4 address, mapped or not, as itself', () => {
    expect(throttleBucketOf('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleBucketOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('makes one /64 wait once it failed enough, from whichever of its addresses', () => {
    const limiter = new AddressThrottle(2, 60_000);
    limiter.record('2001:db8:1:2::a', 0);
    limiter.record('2001:db8:1:2::b', 0);
    expect(limiter.retryAfterSeconds('2001:db8:1:2:ffff::c', 1_000)).toBe(59);
    expect(limiter.retryAfterSeconds('2001:db8:1:3::a', 1_000)).toBeUndefined();
  });
});
