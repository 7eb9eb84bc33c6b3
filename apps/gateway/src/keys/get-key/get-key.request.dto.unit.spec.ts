import { failingFields, validateDto } from '../../testing/validate-dto';
import { GetKeyRequestDto } from './get-key.request.dto';

describe('GetKeyRequestDto', () => {
  it.each([[{}], [{ asOf: '2026-11-23T10:00:00Z' }], [{ asOf: '2026-11-23T10:00:00.123+02:00' }]])('accepts %j', async (query) => {
    expect(await validateDto(GetKeyRequestDto, query)).toMatchObject({ ok: true });
  });

  it.each([[{ asOf: '2026-11-23' }], [{ asOf: '2026-11-23T10:00:00' }], [{ asOf: '2026-02-30T10:00:00Z' }], [{ asOf: 'yesterday' }], [{ asOf: ['2026-11-23T10:00:00Z'] }]])(
    'refuses %j: no zone, no date, or not one value',
    async (query) => {
      expect(failingFields(await validateDto(GetKeyRequestDto, query))).toEqual(['asOf']);
    },
  );
});
