import { MAX_REQUIRED_PERMISSIONS } from '@keyward/contracts';
import { InvalidRequirementError, requiredPermissions, type KeyRequirement } from './key-requirement';

describe('requiredPermissions', () => {
  it.each<[KeyRequirement | undefined, readonly string[]]>([
    [undefined, []],
    [[], []],
    ['calls:read', ['calls:read']],
    [['contacts:write', 'workflows/wf_42:read'], ['contacts:write', 'workflows/wf_42:read']],
    ['*:write', ['*:write']],
  ])('%j → %j', (requirement, expected) => {
    expect(requiredPermissions(requirement)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['an empty string', ''],
    ['no action', 'calls'],
    ['an unknown action', 'calls:delete'],
    ['an upper-case resource', 'Calls:read'],
    ['a share id with a space', 'workflows/wf 42:read'],
    ['a list holding a bad one', ['calls:read', 'nope']],
    ['a number', 42],
    ['a list holding a number', [42]],
    ['too many permissions', Array.from({ length: MAX_REQUIRED_PERMISSIONS + 1 }, () => 'calls:read')],
  ])('refuses %s', (_, requirement) => {
    expect(() => requiredPermissions(requirement as KeyRequirement)).toThrow(InvalidRequirementError);
  });
});
