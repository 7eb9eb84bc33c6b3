import { effectiveGrants } from './effective-grants';
import { formatPermission, parsePermission, type Permission } from './permission';
import { holdsAll } from './permission-evaluator';

const p = (text: string): Permission => {
  const parsed = parsePermission(text);
  if (!parsed) throw new Error(`test permission ${text} does not parse`);
  return parsed;
};

describe('parsePermission', () => {
  it.each(['calls:read', 'calls:write', '*:read', 'workflows/wf_42:read', 'data_sets/ds-1.v2:write'])('accepts %s and formats it back', (text) => {
    expect(formatPermission(p(text))).toBe(text);
  });

  it.each([undefined, 42, '', 'calls', 'calls:delete', ':read', 'Calls:read', 'calls/:read', 'calls/a b:read', '*/x:read', 'a'.repeat(201)])(
    'refuses %p',
    (text) => expect(parsePermission(text)).toBeUndefined(),
  );
});

describe('holdsAll', () => {
  // [granted, required, holds]
  const table: [string[], string[], boolean][] = [
    [['calls:read'], ['calls:read'], true],
    [['calls:write'], ['calls:read'], true], // write implies read
    [['calls:read'], ['calls:write'], false],
    [['*:read'], ['contacts:read'], true],
    [['*:read'], ['contacts:write'], false],
    [['*:write'], ['workflows/wf_42:write'], true],
    [['workflows:read'], ['workflows/wf_42:read'], true], // a type grant covers its instances
    [['workflows/wf_42:read'], ['workflows/wf_43:read'], false],
    [['workflows/wf_42:read'], ['workflows:read'], false], // a share never covers the whole type
    [['workflows/wf_42:write'], ['workflows/wf_42:read'], true],
    [['calls:read'], ['calls:read', 'contacts:read'], false], // all must hold
    [['calls:read', 'contacts:write'], ['calls:read', 'contacts:read'], true],
    [[], [], true],
    [[], ['calls:read'], false],
  ];
  it.each(table)('%j holds %j: %s', (granted, required, holds) => {
    expect(holdsAll(granted.map(p), required.map(p))).toBe(holds);
  });
});

describe('effectiveGrants', () => {
  it('gives an unrestricted key everything', () => {
    expect(effectiveGrants({ unrestricted: true, roles: [], permissions: {} }).map(formatPermission)).toEqual(['*:write']);
  });

  it('unions roles and per-resource levels, skipping none and unknown roles', () => {
    const grants = effectiveGrants(
      { unrestricted: false, roles: ['read-only', 'ghost', 'custom'], permissions: { calls: 'write', billing: 'none' } },
      (id) => (id === 'custom' ? [p('files:write')] : undefined),
    );
    expect(grants.map(formatPermission)).toEqual(['*:read', 'files:write', 'calls:write']);
  });
});
