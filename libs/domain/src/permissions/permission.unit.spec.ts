import { DEFAULT_RESOURCE_CATALOGUE } from '../workspaces/resource-catalogue';
import { formatPermission, isResourceInstance, isResourceName, parsePermission, type Permission } from './permission';

describe('parsePermission', () => {
  // [text, parsed]
  const valid: [string, Permission][] = [
    ['calls:read', { resource: 'calls', action: 'read' }],
    ['calls:write', { resource: 'calls', action: 'write' }],
    ['*:read', { resource: '*', action: 'read' }],
    ['*:write', { resource: '*', action: 'write' }],
    ['data_sets:write', { resource: 'data_sets', action: 'write' }],
    ['workflows/wf_42:read', { resource: 'workflows', instance: 'wf_42', action: 'read' }],
    ['files/report-2026.v2:write', { resource: 'files', instance: 'report-2026.v2', action: 'write' }],
    [`a${'b'.repeat(62)}:read`, { resource: `a${'b'.repeat(62)}`, action: 'read' }],
    [`files/${'x'.repeat(128)}:read`, { resource: 'files', instance: 'x'.repeat(128), action: 'read' }],
  ];
  it.each(valid)('parses %s', (text, parsed) => {
    expect(parsePermission(text)).toEqual(parsed);
  });

  it('leaves instance out (not undefined-valued) for a type permission', () => {
    expect(Object.keys(parsePermission('calls:read') ?? {})).toEqual(['resource', 'action']);
  });

  it.each([
    ['not a string', 42],
    ['null', null],
    ['an object', { resource: 'calls', action: 'read' }],
    ['empty', ''],
    ['no action', 'calls'],
    ['an empty action', 'calls:'],
    ['an unknown action', 'calls:delete'],
    ['an upper-case action', 'calls:READ'],
    ['no resource', ':read'],
    ['an upper-case resource', 'Calls:read'],
    ['a resource starting with a digit', '1calls:read'],
    ['a resource with a dash', 'data-sets:read'],
    ['a 64-character resource', `a${'b'.repeat(63)}:read`],
    ['two colons', 'calls:read:write'],
    ['an empty instance', 'workflows/:read'],
    ['a space in the instance', 'workflows/wf 42:read'],
    ['a slash in the instance', 'workflows/wf/42:read'],
    ['a 129-character instance', `files/${'x'.repeat(129)}:read`],
    ['an instance of *', '*/wf_42:read'],
    ['more than 200 characters', `files/${'x'.repeat(200)}:read`],
    ['surrounding spaces', ' calls:read '],
  ])('refuses %s', (_, text) => {
    expect(parsePermission(text)).toBeUndefined();
  });
});

describe('formatPermission', () => {
  it.each<[Permission, string]>([
    [{ resource: 'calls', action: 'read' }, 'calls:read'],
    [{ resource: '*', action: 'write' }, '*:write'],
    [{ resource: 'workflows', instance: 'wf_42', action: 'write' }, 'workflows/wf_42:write'],
  ])('formats %j as %s', (permission, text) => {
    expect(formatPermission(permission)).toBe(text);
  });
});

describe('isResourceName / isResourceInstance', () => {
  it.each([
    ['calls', true],
    ['data_sets', true],
    ['a', true],
    ['', false],
    ['*', false],
    ['Calls', false],
    ['_calls', false],
    ['calls/1', false],
  ])('isResourceName(%p) is %s', (text, expected) => {
    expect(isResourceName(text)).toBe(expected);
  });

  it.each([
    ['wf_42', true],
    ['A.b-c_1', true],
    ['x'.repeat(128), true],
    ['', false],
    ['x'.repeat(129), false],
    ['a/b', false],
    ['a:b', false],
    ['a b', false],
  ])('isResourceInstance(%p) is %s', (text, expected) => {
    expect(isResourceInstance(text)).toBe(expected);
  });
});

describe('round trip over the default catalogue', () => {
  const instances = ['wf_42', 'x', 'A.b-c_1', '0'];
  const subjects = DEFAULT_RESOURCE_CATALOGUE.flatMap(({ resource }) => [{ resource }, ...instances.map((instance) => ({ resource, instance }))]);
  const all: Permission[] = [{ resource: '*' }, ...subjects].flatMap((subject) => (['read', 'write'] as const).map((action) => ({ ...subject, action })));

  it('covers every resource, every instance and both actions', () => {
    expect(all).toHaveLength((1 + DEFAULT_RESOURCE_CATALOGUE.length * (1 + instances.length)) * 2);
  });

  it('parse(format(p)) is p and format(parse(s)) is s, for every permission', () => {
    for (const permission of all) {
      const text = formatPermission(permission);
      expect(parsePermission(text)).toEqual(permission);
      expect(formatPermission(parsePermission(text) as Permission)).toBe(text);
    }
  });
});
