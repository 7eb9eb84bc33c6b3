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
    ['an entry that is no object', ['t'], ['[0].token', '[0].type']],
    ['no token, an empty type', [{ type: '' }], ['[0].token', '[0].type']],
  ])('refuses %s, naming each bad field', (_, body, fields) => {
    expect(fieldsOf(body)).toEqual(fields);
  });

  it('judges each entry on its own: a long token is kept, a url or source that cannot be kept is dropped', () => {
    const long = 'kw_live_' + 'x'.repeat(5_000);
    expect(
      parseLeakReport([
        { token: long, type: 'x', url: 7, source: 's'.repeat(101) },
        { token: 't', type: 'x', url: 'https://u/\u0000', source: 'a\ud800' },
        { token: 'u', type: 'x', url: 'https://u/ok', source: 'content' },
      ]),
    ).toEqual([
      { token: long, type: 'x' },
      { token: 't', type: 'x' },
      { token: 'u', type: 'x', url: 'https://u/ok', source: 'content' },
    ]);
  });
});
