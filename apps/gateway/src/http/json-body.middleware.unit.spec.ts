import { bodyParserError } from './json-body.middleware';

const parserError = (type: string): Error => Object.assign(new Error('from body-parser'), { type });

describe('bodyParserError', () => {
  it.each([
    ['entity.parse.failed', 400, 'VALIDATION_FAILED', 'request body is not valid JSON'],
    ['entity.too.large', 413, 'PAYLOAD_TOO_LARGE', 'request body is too large'],
    ['charset.unsupported', 400, 'VALIDATION_FAILED', 'request body encoding is not supported'],
    ['encoding.unsupported', 400, 'VALIDATION_FAILED', 'request body encoding is not supported'],
  ])('answers %s with %i %s', (type, statusCode, code, message) => {
    expect(bodyParserError(parserError(type))?.body).toEqual({ statusCode, code, message });
  });

  it('answers what body-parser marks only with a 4xx status (a body that does not inflate, an aborted upload) with 400', () => {
    const inflate = Object.assign(new Error('incorrect header check'), { status: 400, code: 'Z_DATA_ERROR' });
    expect(bodyParserError(inflate)?.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'request body could not be read as its Content-Encoding and Content-Type say',
    });
  });

  it('leaves other errors alone', () => {
    expect(bodyParserError(Object.assign(new Error('stream not readable'), { status: 500 }))).toBeUndefined();
    expect(bodyParserError(new Error('other'))).toBeUndefined();
    expect(bodyParserError(null)).toBeUndefined();
  });
});
