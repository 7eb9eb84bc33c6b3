import { failingFields, validateDto } from '../../testing/validate-dto';
import { UpdateRoleRequestDto } from './update-role.request.dto';

describe('UpdateRoleRequestDto', () => {
  it.each([[{}], [{ name: 'Renamed' }], [{ description: 'now also writes' }], [{ permissions: ['calls:write'] }]])('accepts %j', async (body) => {
    expect(await validateDto(UpdateRoleRequestDto, body)).toMatchObject({ ok: true });
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ permissions: ['calls:delete'] }, 'permissions'],
    [{ id: 'role_x' }, 'id'],
  ])('refuses %j with the create rules', async (body, field) => {
    expect(failingFields(await validateDto(UpdateRoleRequestDto, body))).toEqual([field]);
  });
});
