import { MAX_REQUIRED_PERMISSIONS } from '@keyward/contracts';
import { checkedRequirement, computedPermissions, InvalidRequirementError, type KeyRequirement } from './key-requirement';

describe('checkedRequirement', () => {
  it.each<[KeyRequirement | undefined, KeyRequirement]>([
    [undefined, []],
    [[], []],
    ['calls:read', 'calls:read'],
    [['contacts:write', 'workflows/wf_42:read'], ['contacts:write', 'workflows/wf_42:read']],
    ['*:write', '*:write'],
    ['(contacts:read OR contacts:write) AND calls:read', '(contacts:read OR contacts:write) AND calls:read'],
  ])('%j → %j', (requirement, expected) => {
    expect(checkedRequirement(requirement)).toEqual(expected);
  });

  it.each<[string, unknown, RegExp]>([
    ['an empty string', '', /"" is not a permission query/],
    ['no action', 'calls', /"calls" is not a permission query/],
    ['an unknown action', 'calls:delete', /is not a permission query/],
    ['an upper-case resource', 'Calls:read', /is not a permission query/],
    ['a share id with a space', 'workflows/wf 42:read', /is not a permission query/],
    ['a dangling operator', 'calls:read AND', /is not a permission query/],
    ['lower-case operators', 'calls:read or calls:write', /is not a permission query/],
    ['unbalanced parentheses', '(calls:read OR calls:write', /is not a permission query/],
    ['parentheses nested too deep', `${'('.repeat(9)}calls:read${')'.repeat(9)}`, /is not a permission query/],
    ['too many permissions in a query', Array.from({ length: MAX_REQUIRED_PERMISSIONS + 1 }, () => 'calls:read').join(' OR '), /more than 32 permissions/],
    ['a list holding a bad one', ['calls:read', 'nope'], /"nope" is not a permission \(/],
    ['a list holding a query', ['calls:read', 'calls:read OR contacts:read'], /a list holds permissions only, a query goes as one string/],
    ['a nested list', [['calls:read']], /is not a permission \(/],
    ['a number', 42, /a requirement is a permission query or a list of permissions/],
    ['a list holding a number', [42], /42 is not a permission \(/],
    ['too many permissions in a list', Array.from({ length: MAX_REQUIRED_PERMISSIONS + 1 }, () => 'calls:read'), /at most 32 permissions/],
  ])('refuses %s', (_, requirement, message) => {
    expect(() => checkedRequirement(requirement as KeyRequirement)).toThrow(InvalidRequirementError);
    expect(() => checkedRequirement(requirement as KeyRequirement)).toThrow(message);
  });
});

describe('computedPermissions', () => {
  it('takes a permission or a list of them, and sends a list', () => {
    expect(computedPermissions('workflows/wf_42:read')).toEqual(['workflows/wf_42:read']);
    expect(computedPermissions(['workflows/wf_42:read', 'calls:read'])).toEqual(['workflows/wf_42:read', 'calls:read']);
    expect(computedPermissions(undefined)).toEqual([]);
  });

  it.each([
    ['a query', 'calls:read OR contacts:read'],
    ['an id that splices an OR into a share', `workflows/${'x:read OR calls'}:read`],
    ['an id that splices parentheses', `workflows/${'x:read) OR (calls'}:read`],
    ['a query in a list', ['calls:read', 'contacts:read OR calls:write']],
    ['what checkedRequirement refuses too', 'calls:delete'],
  ])('refuses %s: text from a request must not make a query', (_, requirement) => {
    expect(() => computedPermissions(requirement)).toThrow(InvalidRequirementError);
  });
});
