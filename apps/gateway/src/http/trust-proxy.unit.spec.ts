import { trustProxyOf } from './trust-proxy';

describe('KEYWARD_TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(trustProxyOf({})).toBe(false);
    expect(trustProxyOf({ KEYWARD_TRUST_PROXY: 'false' })).toBe(false);
  });

  it('takes a hop count or a list of addresses and CIDRs', () => {
    expect(trustProxyOf({ KEYWARD_TRUST_PROXY: '1' })).toBe(1);
    expect(trustProxyOf({ KEYWARD_TRUST_PROXY: '10.0.0.0/8, 2001:db8::1, loopback' })).toEqual(['10.0.0.0/8', '2001:db8::1', 'loopback']);
  });

  it.each(['true', '0', '99', 'proxy.local', '10.0.0.0/33', '10.0.0.1,', '::1/129', '10.0.0.0/8/1'])('stops the start for %s', (value) => {
    expect(() => trustProxyOf({ KEYWARD_TRUST_PROXY: value })).toThrow(/KEYWARD_TRUST_PROXY/);
  });
});
