import { failingFields, validateDto } from '../../testing/validate-dto';
import { RotateKeyRequestDto } from './rotate-key.request.dto';

describe('RotateKeyRequestDto', () => {
  it.each([[{}], [{ gracePeriodSeconds: 0 }], [{ gracePeriodSeconds: 3_600 }], [{ gracePeriodSeconds: 604_800 }]])('accepts %j', async (body) => {
    expect(await validateDto(RotateKeyRequestDto, body)).toMatchObject({ ok: true });
  });

  it.each([
    [{ gracePeriodSeconds: -1 }, 'gracePeriodSeconds'],
    [{ gracePeriodSeconds: 604_801 }, 'gracePeriodSeconds'],
    [{ gracePeriodSeconds: 1.5 }, 'gracePeriodSeconds'],
    [{ gracePeriodSeconds: '60' }, 'gracePeriodSeconds'],
    [{ grace: 60 }, 'grace'],
  ])('refuses %j', async (body, field) => {
    expect(failingFields(await validateDto(RotateKeyRequestDto, body))).toContain(field);
  });
});
