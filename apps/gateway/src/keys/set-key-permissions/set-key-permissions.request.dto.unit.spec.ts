import { failingFields, validateDto } from '../../testing/validate-dto';
import { SetKeyPermissionsRequestDto } from './set-key-permissions.request.dto';

describe('SetKeyPermissionsRequestDto', () => {
  it.each([
    [{ permissions: {} }],
    [{ permissions: { calls: 'read', contacts: 'write', billing: 'none' } }],
    [{ permissions: {}, unrestricted: true }],
    [{ permissions: { '*': 'read', calls: 'write' } }],
    [{ permissions: { calls: 'read' }, unrestricted: false }],
  ])('accepts %j', async (body) => {
    expect(await validateDto(SetKeyPermissionsRequestDto, body)).toMatchObject({ ok: true });
  });

  it.each([
    [{}, 'permissions'],
    [{ permissions: ['calls:read'] }, 'permissions'],
    [{ permissions: { calls: 'admin' } }, 'permissions'],
    [{ permissions: { Calls: 'read' } }, 'permissions'],
    [{ permissions: { 'calls/1': 'read' } }, 'permissions'],
    [{ permissions: { '**': 'read' } }, 'permissions'],
    [{ permissions: {}, unrestricted: 'yes' }, 'unrestricted'],
    [{ permissions: {}, unrestricted: null }, 'unrestricted'],
    [{ permissions: {}, roles: [] }, 'roles'],
  ])('refuses %j', async (body, field) => {
    expect(failingFields(await validateDto(SetKeyPermissionsRequestDto, body))).toEqual([field]);
  });
});
