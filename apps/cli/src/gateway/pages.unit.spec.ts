import { readPages, type Page } from './pages';

const pages: Record<string, Page<number>> = {
  start: { items: [1, 2], nextCursor: 'b' },
  b: { items: [3], nextCursor: 'c' },
  c: { items: [], nextCursor: null },
};
const read = async (cursor: string | undefined): Promise<Page<number>> => pages[cursor ?? 'start'];

describe('readPages', () => {
  it('reads one page, its cursor kept for the next call', async () => {
    expect(await readPages(read, undefined, false)).toEqual({ items: [1, 2], nextCursor: 'b' });
    expect(await readPages(read, 'b', false)).toEqual({ items: [3], nextCursor: 'c' });
  });

  it('with all, follows the cursors to the end, as one page', async () => {
    expect(await readPages(read, undefined, true)).toEqual({ items: [1, 2, 3], nextCursor: null });
  });
});
