import { failingFields, validateDto } from '../../testing/validate-dto';
import { CreateRoleRequestDto } from './create-role.request.dto';

const ROLE = { name: 'Support agent', permissions: ['calls:read'] };

describe('CreateRoleRequestDto', () => {
  it.each([
    [ROLE],
    [{ ...ROLE, permissions: [] }],
    [{ ...ROLE, description: '' }],
    [{ ...ROLE, description: 'reads calls' }],
    [{ ...ROLE, permissions: ['*:write', 'workflows/wf_42:read', 'data_sets:write'] }],
  ])('accepts %j', async (body) => {
    expect(await validateDto(CreateRoleRequestDto, body)).toMatchObject({ ok: true });
  });

  it('trims the name', async () => {
    expect(await validateDto(CreateRoleRequestDto, { ...ROLE, name: '  Support  ' })).toMatchObject({ ok: true, value: { name: 'Support' } });
  });

  it.each([
    [{ permissions: [] }, 'name'],
    [{ ...ROLE, name: ' ' }, 'name'],
    [{ ...ROLE, name: 'a\nb' }, 'name'],
    [{ ...ROLE, name: 'x'.repeat(101) }, 'name'],
    [{ ...ROLE, description: 'x'.repeat(501) }, 'description'],
    [{ ...ROLE, description: 'a\u0000b' }, 'description'],
    [{ name: 'r' }, 'permissions'],
    [{ ...ROLE, permissions: 'calls:read' }, 'permissions'],
    [{ ...ROLE, permissions: ['calls:admin'] }, 'permissions'],
    [{ ...ROLE, permissions: ['calls'] }, 'permissions'],
    [{ ...ROLE, permissions: ['Calls:read'] }, 'permissions'],
    [{ ...ROLE, permissions: Array.from({ length: 101 }, (_, i) => `r${i}:read`) }, 'permissions'],
    [{ ...ROLE, builtIn: true }, 'builtIn'],
  ])('refuses %j', async (body, field) => {
    expect(failingFields(await validateDto(CreateRoleRequestDto, body))).toEqual([field]);
  });
});
