import { ErrorCodes } from '@keyward/contracts';
import { ApiError } from '../errors/api-error';
import { idPipe } from './id.pipe';

const thingNotFound = (): ApiError => new ApiError(ErrorCodes.keyNotFound, 'no such thing');
const ThingIdPipe = idPipe((value) => value.startsWith('t_'), thingNotFound);
const PATH_ID = { type: 'param', data: 'id' } as const;

describe('idPipe', () => {
  it('passes an id of the right form through unchanged', () => {
    expect(new ThingIdPipe().transform('t_1', PATH_ID)).toBe('t_1');
  });

  it('answers a malformed id as an unknown one', () => {
    expect(() => new ThingIdPipe().transform('x_1', PATH_ID)).toThrow(expect.objectContaining({ body: thingNotFound().body }));
  });
});
