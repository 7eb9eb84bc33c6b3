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

  it('leaves other errors alone', () => {
    expect(bodyParserError(new Error('other'))).toBeUndefined();
    expect(bodyParserError(null)).toBeUndefined();
  });
});
