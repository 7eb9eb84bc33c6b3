import { levelsOf, permissionsOf } from './permission-levels';

describe("a role's permissions as levels and back", () => {
  it('keeps the highest level per resource, whatever the order', () => {
    expect(levelsOf(['calls:write', 'calls:read', 'contacts:read'])).toEqual({ calls: 'write', contacts: 'read' });
    expect(levelsOf(['calls:read', 'calls:write'])).toEqual({ calls: 'write' });
  });

  it('drops None and round-trips', () => {
    expect(permissionsOf({ calls: 'write', contacts: 'none', files: 'read' })).toEqual(['calls:write', 'files:read']);
    expect(permissionsOf(levelsOf(['calls:write', 'files:read']))).toEqual(['calls:write', 'files:read']);
  });
});
