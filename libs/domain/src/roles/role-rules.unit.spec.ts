import { ErrorCodes } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import { accessPolicy, permissions } from '../testing';
import { isRoleId, newRoleId, rolePermissionList, validRolePermissions } from './role-rules';

describe('isRoleId', () => {
  it.each([
    ['role_aaaaaaaaaaaaaaaaaaaa', true],
    ['role_0123456789abcdefXYZW', true],
    ['role_aaaaaaaaaaaaaaaaaaa', false], // 19
    ['role_aaaaaaaaaaaaaaaaaaaaa', false], // 21
    ['role_aaaaaaaaaaaaaaaaaaa-', false],
    ['ROLE_aaaaaaaaaaaaaaaaaaaa', false],
    ['admin', false], // built-ins are not role ids: they have no stream
    ['read-only', false],
    ['custom', false],
    ['', false],
    [undefined, false],
    [7, false],
  ])('%p: %s', (value, expected) => {
    expect(isRoleId(value)).toBe(expected);
  });
});

describe('newRoleId', () => {
  it('is role_ and 20 base62 characters, a valid role id, never repeating', () => {
    const ids = Array.from({ length: 500 }, newRoleId);
    for (const id of ids) expect(id).toMatch(/^role_[0-9A-Za-z]{20}$/);
    expect(ids.every(isRoleId)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('validRolePermissions', () => {
  const { workspace } = accessPolicy();

  it('parses, keeps the first position of each, and allows * and shares', () => {
    expect(validRolePermissions(['calls:read', '*:read', 'workflows/wf_42:write', 'calls:read'], workspace)).toEqual(
      permissions('calls:read', '*:read', 'workflows/wf_42:write'),
    );
  });

  it('keeps read and write of one resource apart', () => {
    expect(validRolePermissions(['calls:read', 'calls:write'], workspace)).toEqual(permissions('calls:read', 'calls:write'));
  });

  it.each<[unknown, string]>([
    [undefined, 'permissions'],
    ['calls:read', 'permissions'],
    [Array.from({ length: 101 }, () => 'calls:read'), 'permissions'],
    [['nope'], 'permissions[0]'],
    [['calls:read', 42], 'permissions[1]'],
    [['calls:read', 'contacts:read', 'invoices:write'], 'permissions[2]'],
  ])('refuses %p at %s', (raw, field) => {
    let caught: unknown;
    try {
      // As a command gets there: its shape parsed where it arrives, its content when deciding.
      validRolePermissions(rolePermissionList(raw), workspace);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect({ code: (caught as DomainError).code, field: (caught as DomainError).field }).toEqual({ code: ErrorCodes.validationFailed, field });
  });
});
