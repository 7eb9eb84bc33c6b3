import { askOf, indexOf, keyCreated, planChanged, recorded, workspaceCreated } from '../testing/verifier-events';

const allowlistChanged = (keyId: string, ipAllowlist: string[]) => recorded({ type: 'KeyIpAllowlistChanged', data: { keyId, ipAllowlist } });
const LATER = Date.parse('2026-11-23T11:00:00.000Z');

/** product.md section 9.2: a key with an allowlist answers FORBIDDEN to an `ip` outside it, or none. */
describe('answerVerify: IP allowlists', () => {
  const listed = (ipAllowlist: string[], over: Parameters<typeof keyCreated>[0] = {}) => {
    const key = keyCreated({ ipAllowlist, ...over });
    return { key, ask: askOf(indexOf(key.event)) };
  };

  it('answers VALID inside, FORBIDDEN with the key id only outside, missing or unparsable', () => {
    const { key, ask } = listed(['203.0.113.0/24', '2001:db8::/32']);
    expect(ask({ key: key.secret, ip: '203.0.113.9' })).toMatchObject({ valid: true, code: 'VALID' });
    expect(ask({ key: key.secret, ip: '2001:db8:1::5' })).toMatchObject({ valid: true, code: 'VALID' });
    for (const ip of ['198.51.100.1', '2001:db9::1', undefined, '', 'localhost', 42, ['203.0.113.9'], '203.0.113.9/32']) {
      expect(ask({ key: key.secret, ip })).toEqual({ valid: false, code: 'FORBIDDEN', keyId: key.keyId });
    }
  });

  it('reads an IPv4-mapped IPv6 caller as its IPv4 address', () => {
    const { key, ask } = listed(['10.0.0.0/8']);
    expect(ask({ key: key.secret, ip: '::ffff:10.9.8.7' }).code).toBe('VALID');
    expect(ask({ key: key.secret, ip: '::ffff:11.9.8.7' }).code).toBe('FORBIDDEN');
  });

  it.each([
    ['/0 takes every IPv4 address', '0.0.0.0/0', '255.255.255.255', 'VALID'],
    ['/32 takes its one address', '192.0.2.1/32', '192.0.2.1', 'VALID'],
    ['/32 refuses the next', '192.0.2.1/32', '192.0.2.2', 'FORBIDDEN'],
    ['/128 takes its one address', '2001:db8::1/128', '2001:db8::1', 'VALID'],
    ['a range takes its first address', '192.0.2.0/25', '192.0.2.0', 'VALID'],
    ['a range takes its last address', '192.0.2.0/25', '192.0.2.127', 'VALID'],
    ['a range refuses the one after', '192.0.2.0/25', '192.0.2.128', 'FORBIDDEN'],
    ['an IPv6 range takes its last address', '2001:db8::/126', '2001:db8::3', 'VALID'],
    ['an IPv6 range refuses the one after', '2001:db8::/126', '2001:db8::4', 'FORBIDDEN'],
  ])('%s', (_, entry, ip, code) => {
    const { key, ask } = listed([entry]);
    expect(ask({ key: key.secret, ip }).code).toBe(code);
  });

  it('comes after REVOKED, EXPIRED and PLAN_UPGRADE_REQUIRED, and before permissions', () => {
    const key = keyCreated({ ipAllowlist: ['10.0.0.0/8'], workspaceId: 'ws_a', unrestricted: false, expiresAt: new Date(LATER).toISOString() });
    const index = indexOf(workspaceCreated('ws_a', 'free'), key.event);
    const ask = askOf(index);
    expect(ask({ key: key.secret, ip: '192.0.2.1' }).code).toBe('PLAN_UPGRADE_REQUIRED');
    expect(ask({ key: key.secret, ip: '192.0.2.1' }, LATER).code).toBe('EXPIRED');
    index.apply(planChanged('ws_a', 'pro'));
    expect(ask({ key: key.secret, ip: '192.0.2.1', require: 'calls:read' }).code).toBe('FORBIDDEN');
    expect(ask({ key: key.secret, ip: '10.0.0.1', require: 'calls:read' }).code).toBe('INSUFFICIENT_PERMISSIONS');
    index.apply(recorded({ type: 'KeyRevoked', data: { keyId: key.keyId, revokedAt: '' } }));
    expect(ask({ key: key.secret, ip: '192.0.2.1' }).code).toBe('REVOKED');
  });

  it('follows allowlist changes at once, and a cleared list takes any address again', () => {
    const key = keyCreated();
    const index = indexOf(key.event);
    const ask = askOf(index);
    expect(ask({ key: key.secret }).code).toBe('VALID');
    index.apply(allowlistChanged(key.keyId, ['192.0.2.1']));
    expect(ask({ key: key.secret }).code).toBe('FORBIDDEN');
    expect(ask({ key: key.secret, ip: '192.0.2.1' }).code).toBe('VALID');
    index.apply(allowlistChanged(key.keyId, []));
    expect(ask({ key: key.secret }).code).toBe('VALID');
  });

  it('a key without a list ignores `ip`, whatever it is', () => {
    const key = keyCreated();
    const ask = askOf(indexOf(key.event));
    for (const ip of [undefined, 'not an address', '192.0.2.1']) expect(ask({ key: key.secret, ip }).code).toBe('VALID');
  });
});
