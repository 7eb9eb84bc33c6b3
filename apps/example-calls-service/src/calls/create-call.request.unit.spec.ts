import { BadRequestException } from '@nestjs/common';
import { parseCreateCall } from './create-call.request';

describe('parseCreateCall', () => {
  it('takes an E.164 number', () => {
    expect(parseCreateCall({ to: '+15550100' })).toEqual({ to: '+15550100' });
  });

  it.each([[undefined], [null], ['+15550100'], [{}], [{ to: 15550100 }], [{ to: '5550100' }], [{ to: '+1 555 0100' }]])('refuses %j with 400', (body) => {
    expect(() => parseCreateCall(body)).toThrow(BadRequestException);
  });
});
