import { InvalidCursorError } from '@keyward/read-models';
import { ApiError } from '../errors/api-error';
import { failingFields, validateDto } from '../testing/validate-dto';
import { PageRequestDto, readPage } from './page.request.dto';

describe('PageRequestDto', () => {
  it.each([[{}], [{ limit: '1' }], [{ limit: '100', cursor: 'abc' }]])('accepts the query %j', async (query) => {
    expect(await validateDto(PageRequestDto, query)).toMatchObject({ ok: true });
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ cursor: 'c'.repeat(501) }, 'cursor'],
    [{ status: 'active' }, 'status'],
  ])('refuses the query %j', async (query, field) => {
    expect(failingFields(await validateDto(PageRequestDto, query))).toEqual([field]);
  });
});

describe('readPage', () => {
  it('turns a cursor the API did not hand out into a 400 on the cursor', async () => {
    const error = await readPage(() => Promise.reject(new InvalidCursorError())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'cursor' }] });
  });

  it('lets any other failure through unchanged', async () => {
    const failure = new Error('connection lost');
    await expect(readPage(() => Promise.reject(failure))).rejects.toBe(failure);
  });
});
