import type { IncomingHttpHeaders } from 'node:http';
import { extractKey, type KeyExtraction } from './key-extraction';

const A = 'kw_live_AAAA';
const B = 'kw_live_BBBB';
const none: KeyExtraction = { kind: 'none' };
const key = (k: string): KeyExtraction => ({ kind: 'key', key: k });
const ambiguous: KeyExtraction = { kind: 'ambiguous' };

describe('extractKey', () => {
  it.each<[string, IncomingHttpHeaders, Record<string, unknown>, KeyExtraction]>([
    ['nothing', {}, {}, none],
    ['a bearer token', { authorization: `Bearer ${A}` }, {}, key(A)],
    ['a bearer token, any case and spacing', { authorization: `bearer   ${A}  ` }, {}, key(A)],
    ['an X-API-Key header', { 'x-api-key': A }, {}, key(A)],
    ['an api_key query parameter', {}, { api_key: A }, key(A)],
    ['an empty bearer token', { authorization: 'Bearer ' }, {}, none],
    ['a bare "Bearer"', { authorization: 'Bearer' }, {}, none],
    ['a blank X-API-Key', { 'x-api-key': '  ' }, {}, none],
    ['an empty api_key', {}, { api_key: '' }, none],
    ['another scheme (not ours)', { authorization: `Basic ${A}` }, {}, none],
    ['another scheme beside an X-API-Key', { authorization: 'Basic dXNlcjpwdw==', 'x-api-key': A }, {}, key(A)],
    ['a bearer token with a space in it (kept whole: the verifier calls it MALFORMED)', { authorization: `Bearer ${A} x` }, {}, key(`${A} x`)],
    ['the same key in all three places', { authorization: `Bearer ${A}`, 'x-api-key': A }, { api_key: A }, key(A)],
    ['different keys in bearer and X-API-Key', { authorization: `Bearer ${A}`, 'x-api-key': B }, {}, ambiguous],
    ['different keys in X-API-Key and api_key', { 'x-api-key': A }, { api_key: B }, ambiguous],
    ['different keys in bearer and api_key', { authorization: `Bearer ${A}` }, { api_key: B }, ambiguous],
    ['api_key repeated with different keys', {}, { api_key: [A, B] }, ambiguous],
    ['api_key repeated with the same key', {}, { api_key: [A, A] }, key(A)],
    ['an api_key that is not a string', {}, { api_key: { nested: A } }, none],
    ['X-API-Key sent twice (Node joins them)', { 'x-api-key': `${A}, ${B}` }, {}, key(`${A}, ${B}`)],
  ])('%s', (_, headers, query, expected) => {
    expect(extractKey({ headers, query })).toEqual(expected);
  });

  it.each<[string, string[], KeyExtraction]>([
    ['two Authorization headers with different keys (Node keeps only the first in headers)', ['Authorization', `Bearer ${A}`, 'authorization', `Bearer ${B}`], ambiguous],
    ['two Authorization headers with the same key', ['Authorization', `Bearer ${A}`, 'Authorization', `Bearer ${A}`], key(A)],
    ['one Authorization header', ['Host', 'x', 'Authorization', `Bearer ${A}`], key(A)],
  ])('from the raw headers: %s', (_, rawHeaders, expected) => {
    const first = rawHeaders.find((_v, i) => i % 2 === 1 && rawHeaders[i - 1].toLowerCase() === 'authorization');
    expect(extractKey({ headers: { authorization: first }, rawHeaders, query: {} })).toEqual(expected);
  });
});
