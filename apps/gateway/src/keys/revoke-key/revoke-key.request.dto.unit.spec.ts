import { failingFields, validateDto } from '../../testing/validate-dto';
import { RevokeKeyRequestDto } from './revoke-key.request.dto';

describe('RevokeKeyRequestDto', () => {
  it('takes an empty body', async () => {
    expect(await validateDto(RevokeKeyRequestDto, {})).toMatchObject({ ok: true });
  });

  it('refuses any field', async () => {
    expect(failingFields(await validateDto(RevokeKeyRequestDto, { reason: 'leaked' }))).toEqual(['reason']);
  });
});
