import { ApiError } from '../errors/api-error';
import { MAX_LEAK_REPORT_ENTRIES, parseLeakReport } from './leak-report.parse';

const fieldsOf = (body: unknown): string[] => {
  try {
    parseLeakReport(body);
  } catch (error) {
    if (error instanceof ApiError) return (error.body.details ?? []).map((d) => d.field);
  }
  return [];
};

describe('parseLeakReport', () => {
  it("takes GitHub's entries, url and source optional", () => {
    expect(parseLeakReport([{ token: 't', type: 'x', url: 'https://u', source: 'content' }, { token: 'u', type: 'x' }])).toEqual([
      { token: 't', type: 'x', url: 'https://u', source: 'content' },
      { token: 'u', type: 'x' },
    ]);
  });

  it.each([
    ['an object', { token: 't' }, ['body']],
    ['an empty list', [], ['body']],
    ['too many entries', Array.from({ length: MAX_LEAK_REPORT_ENTRIES + 1 }, () => ({ token: 't', type: 'x' })), ['body']],
    ['an entry that is no object', ['t'], ['[0]']],
    ['no token, an empty type', [{ type: '' }], ['[0].token', '[0].type']],
    ['a number url, a long source', [{ token: 't', type: 'x', url: 7, source: 's'.repeat(101) }], ['[0].url', '[0].source']],
  ])('refuses %s, naming each bad field', (_, body, fields) => {
    expect(fieldsOf(body)).toEqual(fields);
  });
});
