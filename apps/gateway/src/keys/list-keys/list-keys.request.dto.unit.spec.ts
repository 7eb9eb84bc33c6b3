import { failingFields, validateDto } from '../../testing/validate-dto';
import { ListKeysRequestDto } from './list-keys.request.dto';

describe('ListKeysRequestDto', () => {
  it('takes nothing at all', async () => {
    expect(await validateDto(ListKeysRequestDto, {})).toMatchObject({ ok: true, value: {} });
  });

  it('converts the limit from the query string', async () => {
    const query = { limit: '5', status: 'revoked', environment: 'test', search: 'orders', cursor: 'abc' };
    expect(await validateDto(ListKeysRequestDto, query)).toMatchObject({ ok: true, value: { ...query, limit: 5 } });
  });

  it.each([['1'], ['100']])('accepts limit %s', async (limit) => {
    expect(await validateDto(ListKeysRequestDto, { limit })).toMatchObject({ ok: true });
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: '2.5' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ status: 'deleted' }, 'status'],
    [{ environment: 'prod' }, 'environment'],
    [{ search: 'x'.repeat(101) }, 'search'],
    [{ search: ['a', 'b'] }, 'search'],
    [{ sort: 'name' }, 'sort'],
  ])('refuses %j', async (query, field) => {
    expect(failingFields(await validateDto(ListKeysRequestDto, query))).toContain(field);
  });
});
