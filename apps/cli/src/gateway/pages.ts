/** A page of a list the gateway reads in pages; `nextCursor` null at the end (of what is safe to read now, for the history). */
export interface Page<Item> {
  readonly items: readonly Item[];
  readonly nextCursor: string | null;
}

/** One page, or with `all` every page from the first, followed through `nextCursor`, as one. */
export const readPages = async <Item>(read: (cursor: string | undefined) => Promise<Page<Item>>, first: string | undefined, all: boolean): Promise<Page<Item>> => {
  let page = await read(first);
  if (!all) return page;
  const items = [...page.items];
  while (page.nextCursor !== null) {
    page = await read(page.nextCursor);
    items.push(...page.items);
  }
  return { items, nextCursor: null };
};
