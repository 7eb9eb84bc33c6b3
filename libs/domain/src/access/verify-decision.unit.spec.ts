import { decideVerify, type VerifiableKey } from './verify-decision';
import { IpAllowlistMatcher } from '../keys/ip-allowlist.matcher';
import type { Permission } from '../permissions/permission';

const NOW = Date.parse('2026-11-23T10:00:00.000Z');
const CALLS_READ: Permission = { resource: 'calls', action: 'read' };
const CALLS_WRITE: Permission = { resource: 'calls', action: 'write' };

/** Which checks fail, one flag each, in the order product.md gives them. */
interface Faults {
  readonly revoked: boolean;
  readonly expired: boolean;
  readonly disabled: boolean;
  readonly noApiAccess: boolean;
  readonly outsideList: boolean;
  readonly lacksPermission: boolean;
}

const ORDER = [
  ['revoked', 'REVOKED'],
  ['expired', 'EXPIRED'],
  ['disabled', 'DISABLED'],
  ['noApiAccess', 'PLAN_UPGRADE_REQUIRED'],
  ['outsideList', 'FORBIDDEN'],
  ['lacksPermission', 'INSUFFICIENT_PERMISSIONS'],
] as const;

const keyWith = (f: Faults): VerifiableKey => ({
  revoked: f.revoked,
  disabled: f.disabled,
  expiresAtMs: f.expired ? NOW : null,
  workspace: { entitlements: { apiAccess: !f.noApiAccess } },
  ipAllowlist: IpAllowlistMatcher.of(['203.0.113.0/24']) ?? null,
  granted: { grants: [f.lacksPermission ? CALLS_READ : CALLS_WRITE] },
});

/** Every combination of the six faults. */
const everyCombination: Faults[] = Array.from({ length: 64 }, (_, bits) => ({
  revoked: (bits & 1) !== 0,
  expired: (bits & 2) !== 0,
  noApiAccess: (bits & 4) !== 0,
  outsideList: (bits & 8) !== 0,
  lacksPermission: (bits & 16) !== 0,
  disabled: (bits & 32) !== 0,
}));

describe('decideVerify: the one order of a verify’s checks', () => {
  it.each(everyCombination)('answers the first failing check, in order, or VALID: %j', (faults) => {
    const expected = ORDER.find(([fault]) => faults[fault])?.[1] ?? 'VALID';
    expect(decideVerify(keyWith(faults), Infinity, [CALLS_WRITE], faults.outsideList ? '198.51.100.1' : '203.0.113.7', NOW)).toBe(expected);
  });

  it('a secret rotated away answers EXPIRED from the end of its grace on, before the plan is looked at', () => {
    const key = keyWith({ revoked: false, expired: false, noApiAccess: true, outsideList: false, lacksPermission: false, disabled: false });
    expect(decideVerify(key, NOW + 1, [], '203.0.113.7', NOW)).toBe('PLAN_UPGRADE_REQUIRED');
    expect(decideVerify(key, NOW, [], '203.0.113.7', NOW)).toBe('EXPIRED');
  });

  it('a key without an allowlist takes any address, or none; a key with one refuses a missing or unparsable one', () => {
    const open: VerifiableKey = { ...keyWith({ revoked: false, expired: false, noApiAccess: false, outsideList: false, lacksPermission: false, disabled: false }), ipAllowlist: null };
    expect(decideVerify(open, Infinity, [], undefined, NOW)).toBe('VALID');
    const listed = keyWith({ revoked: false, expired: false, noApiAccess: false, outsideList: false, lacksPermission: false, disabled: false });
    expect(decideVerify(listed, Infinity, [], undefined, NOW)).toBe('FORBIDDEN');
    expect(decideVerify(listed, Infinity, [], 'not an address', NOW)).toBe('FORBIDDEN');
  });

  it('expires at the instant of expiry, not before', () => {
    const key = { ...keyWith({ revoked: false, expired: false, noApiAccess: false, outsideList: false, lacksPermission: false, disabled: false }), expiresAtMs: NOW };
    expect(decideVerify(key, Infinity, [], '203.0.113.7', NOW - 1)).toBe('VALID');
    expect(decideVerify(key, Infinity, [], '203.0.113.7', NOW)).toBe('EXPIRED');
  });
});

describe('decideVerify: a permission query', () => {
  it('answers VALID when the query holds, INSUFFICIENT_PERMISSIONS when not, as the last check', () => {
    const key: VerifiableKey = { ...keyWith({ revoked: false, expired: false, noApiAccess: false, outsideList: false, lacksPermission: true, disabled: false }), ipAllowlist: null };
    expect(decideVerify(key, Infinity, { anyOf: [CALLS_WRITE, CALLS_READ] }, undefined, NOW)).toBe('VALID');
    expect(decideVerify(key, Infinity, [CALLS_READ, { anyOf: [CALLS_WRITE] }], undefined, NOW)).toBe('INSUFFICIENT_PERMISSIONS');
    expect(decideVerify({ ...key, revoked: true }, Infinity, { anyOf: [CALLS_READ] }, undefined, NOW)).toBe('REVOKED');
  });
});
