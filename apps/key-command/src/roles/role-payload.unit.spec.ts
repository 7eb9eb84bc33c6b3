import { ErrorCodes } from '@keyward/contracts';
import { parseCreateRole, parseUpdateRole } from './role-payload';
import { ROOT_CONTEXT as context, refusal } from '../testing/command-payload.fixtures';

const ROLE_ID = 'role_aaaaaaaaaaaaaaaaaaaa';

describe('role command payloads', () => {
  it('parses a create and an update into the contract’s requests', () => {
    expect(parseCreateRole({ context, name: 'Support', permissions: ['calls:read'] })).toEqual({
      context,
      name: 'Support',
      description: undefined,
      permissions: ['calls:read'],
    });
    expect(parseUpdateRole({ context, roleId: ROLE_ID, description: 'answers calls' })).toEqual({
      context,
      roleId: ROLE_ID,
      name: undefined,
      description: 'answers calls',
      permissions: undefined,
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a name that is not a string', { name: ['Support'] }, 'name'],
    ['a description that is not a string', { description: 5 }, 'description'],
    ['permissions that are not a list', { permissions: 'calls:read' }, 'permissions'],
    ['no permissions', { permissions: undefined }, 'permissions'],
    ['101 permissions', { permissions: Array.from({ length: 101 }, (_, i) => `workflows/wf_${i}:read`) }, 'permissions'],
    ['a permission that is not a string', { permissions: [{ resource: 'calls', action: 'read' }] }, 'permissions[0]'],
  ])('refuses a create with %s (400)', (_, over, field) => {
    expect(refusal(() => parseCreateRole({ context, name: 'Support', permissions: ['calls:read'], ...over }))).toEqual({ code: ErrorCodes.validationFailed, field });
  });

  it('refuses an update whose permissions are not a list (400)', () => {
    expect(refusal(() => parseUpdateRole({ context, roleId: ROLE_ID, permissions: null }))).toEqual({ code: ErrorCodes.validationFailed, field: 'permissions' });
  });

  it('answers a malformed role id as an unknown role', () => {
    expect(refusal(() => parseUpdateRole({ context, roleId: 'role_x', name: 'x' }))).toEqual({ code: ErrorCodes.roleNotFound, field: undefined });
  });
});
