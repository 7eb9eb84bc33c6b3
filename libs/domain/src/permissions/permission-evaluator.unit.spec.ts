import { permission, permissions } from '../testing';
import { DEFAULT_RESOURCE_CATALOGUE } from '../workspaces/resource-catalogue';
import type { Permission } from './permission';
import { grantCovers, holdsAll } from './permission-evaluator';

describe('grantCovers', () => {
  // [granted, required, covers]
  const table: [string, string, boolean][] = [
    // write implies read, never the other way round
    ['calls:read', 'calls:read', true],
    ['calls:write', 'calls:write', true],
    ['calls:write', 'calls:read', true],
    ['calls:read', 'calls:write', false],
    // another resource type is never covered
    ['calls:write', 'contacts:read', false],
    ['calls:write', 'calls_archive:read', false],
    // `*` stands for every resource type and every instance
    ['*:read', 'billing:read', true],
    ['*:read', 'billing:write', false],
    ['*:write', 'billing:write', true],
    ['*:write', 'billing:read', true],
    ['*:read', 'workflows/wf_42:read', true],
    ['*:read', 'workflows/wf_42:write', false],
    ['*:write', 'workflows/wf_42:write', true],
    ['*:read', '*:read', true],
    ['*:write', '*:read', true],
    ['*:read', '*:write', false],
    // nothing short of `*` covers `*`
    ['calls:write', '*:read', false],
    ['workflows/wf_42:write', '*:read', false],
    // a grant on the type covers every instance
    ['workflows:read', 'workflows/wf_42:read', true],
    ['workflows:write', 'workflows/wf_42:read', true],
    ['workflows:read', 'workflows/wf_42:write', false],
    ['pages:write', 'workflows/wf_42:read', false],
    // a share covers only its own instance, never the type or a sibling
    ['workflows/wf_42:read', 'workflows/wf_42:read', true],
    ['workflows/wf_42:write', 'workflows/wf_42:read', true],
    ['workflows/wf_42:read', 'workflows/wf_42:write', false],
    ['workflows/wf_42:write', 'workflows/wf_43:read', false],
    ['workflows/wf_42:write', 'workflows/wf_4:read', false],
    ['workflows/wf_42:write', 'workflows:read', false],
    ['workflows/wf_42:write', 'pages/wf_42:read', false],
  ];
  it.each(table)('%s covers %s: %s', (granted, required, covers) => {
    expect(grantCovers(permission(granted), permission(required))).toBe(covers);
  });
});

describe('holdsAll', () => {
  // [grants, required, holds]
  const table: [string[], string[], boolean][] = [
    [[], [], true],
    [['calls:read'], [], true],
    [[], ['calls:read'], false],
    [['calls:read'], ['calls:read', 'contacts:read'], false],
    [['calls:read', 'contacts:write'], ['calls:read', 'contacts:read'], true],
    [['calls:read', 'calls:write'], ['calls:write'], true],
    [['workflows/wf_42:read', 'workflows/wf_43:read'], ['workflows/wf_42:read', 'workflows/wf_43:read'], true],
    [['workflows/wf_42:read', 'workflows/wf_43:read'], ['workflows:read'], false],
    [['*:read', 'calls:write'], ['billing:read', 'calls:write', 'workflows/wf_1:read'], true],
    [['*:read', 'calls:write'], ['billing:write'], false],
  ];
  it.each(table)('%j holds all of %j: %s', (grants, required, holds) => {
    expect(holdsAll(permissions(...grants), permissions(...required))).toBe(holds);
  });
});

/** A hand-written generator: every resource of the default catalogue, with a few instances each. */
describe('properties over the default catalogue', () => {
  const resources = DEFAULT_RESOURCE_CATALOGUE.map((r) => r.resource);
  const instances = ['wf_42', 'a', 'Z-9.x_y', '0'];
  const actions = ['read', 'write'] as const;

  it('write implies read, and read never implies write, on every type and every instance', () => {
    let checked = 0;
    for (const resource of resources) {
      for (const instance of [undefined, ...instances]) {
        const subject = instance === undefined ? { resource } : { resource, instance };
        const read: Permission = { ...subject, action: 'read' };
        const write: Permission = { ...subject, action: 'write' };
        expect([grantCovers(write, read), grantCovers(write, write), grantCovers(read, read), grantCovers(read, write)]).toEqual([true, true, true, false]);
        checked += 1;
      }
    }
    expect(checked).toBe(resources.length * (1 + instances.length));
  });

  it('a grant on a type covers every instance of it, and of no other type', () => {
    for (const granted of resources) {
      for (const action of actions) {
        const grant: Permission = { resource: granted, action };
        for (const required of resources) {
          for (const instance of instances) {
            expect(grantCovers(grant, { resource: required, instance, action })).toBe(granted === required);
            expect(grantCovers(grant, { resource: required, instance, action: 'read' })).toBe(granted === required);
          }
        }
      }
    }
  });

  it('a share covers its own instance only, never the type', () => {
    for (const resource of resources) {
      for (const shared of instances) {
        const share: Permission = { resource, instance: shared, action: 'write' };
        expect(grantCovers(share, { resource, action: 'read' })).toBe(false);
        for (const instance of instances) expect(grantCovers(share, { resource, instance, action: 'read' })).toBe(instance === shared);
      }
    }
  });

  it('`*` covers every type and instance at its action or below', () => {
    for (const resource of resources) {
      for (const instance of [undefined, ...instances]) {
        const subject = instance === undefined ? { resource } : { resource, instance };
        expect(grantCovers({ resource: '*', action: 'write' }, { ...subject, action: 'write' })).toBe(true);
        expect(grantCovers({ resource: '*', action: 'read' }, { ...subject, action: 'read' })).toBe(true);
        expect(grantCovers({ resource: '*', action: 'read' }, { ...subject, action: 'write' })).toBe(false);
      }
    }
  });
});
