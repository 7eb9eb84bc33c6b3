import { mayUseConsole } from './console-access';

describe('mayUseConsole', () => {
  it('lets a key holding read or write on a management resource, or on everything, sign in', () => {
    expect(mayUseConsole(['api_keys:read'])).toBe(true);
    expect(mayUseConsole(['calls:read', 'audit:write'])).toBe(true);
    expect(mayUseConsole(['*:read'])).toBe(true);
  });

  it('refuses a data-plane key, a share of one instance, and a key without permissions', () => {
    expect(mayUseConsole(['calls:read', 'contacts:write'])).toBe(false);
    expect(mayUseConsole(['roles/role_1:read'])).toBe(false);
    expect(mayUseConsole([])).toBe(false);
  });
});
