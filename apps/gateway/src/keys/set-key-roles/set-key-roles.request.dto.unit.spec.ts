import { failingFields, validateDto } from '../../testing/validate-dto';
import { SetKeyRolesRequestDto } from './set-key-roles.request.dto';

describe('SetKeyRolesRequestDto', () => {
  it.each([[{ roles: [] }], [{ roles: ['read-only'] }], [{ roles: ['admin', 'role_0123456789abcdefABCD'] }]])('accepts %j', async (body) => {
    expect(await validateDto(SetKeyRolesRequestDto, body)).toMatchObject({ ok: true });
  });

  it.each([
    [{}, 'roles'],
    [{ roles: 'admin' }, 'roles'],
    [{ roles: [''] }, 'roles'],
    [{ roles: [7] }, 'roles'],
    [{ roles: Array.from({ length: 51 }, (_, i) => `role_${i}`) }, 'roles'],
    [{ roles: [], permissions: {} }, 'permissions'],
  ])('refuses %j', async (body, field) => {
    expect(failingFields(await validateDto(SetKeyRolesRequestDto, body))).toEqual([field]);
  });
});
