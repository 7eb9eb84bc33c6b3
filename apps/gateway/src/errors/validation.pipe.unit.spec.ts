import { ApiError } from './api-error';
import { createValidationPipe } from './validation.pipe';

class Sample {}

/** The pipe as the application runs it: what a request with this body would get. */
const refusal = async (body: unknown): Promise<unknown> => {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Sample });
  } catch (error) {
    if (error instanceof ApiError) return error.body;
    throw error;
  }
  return undefined;
};

describe('createValidationPipe', () => {
  it('refuses unknown fields with a 400 body naming them', async () => {
    expect(await refusal({ colour: 'red' })).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'the request is not valid',
      details: [{ field: 'colour', message: 'colour is not a known field' }],
    });
  });

  it('does not name back a field name that could be a secret', async () => {
    const secret = 'kw_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const body = await refusal({ [secret]: true, [`kwroot_${'x'.repeat(25)}`]: true });
    expect(JSON.stringify(body)).not.toMatch(/kw_live_|kwroot_/);
    expect(body).toMatchObject({ statusCode: 400, details: [{ field: '(unknown)' }, { field: '(unknown)' }] });
  });

  it('takes an empty or absent body for a DTO without fields', async () => {
    expect(await refusal({})).toBeUndefined();
    expect(await refusal(undefined)).toBeUndefined();
  });
});
