import { useState } from 'react';

/**
 * Cursor paging by Previous/Next: the cursors of the pages walked to (Previous goes back one).
 * Another `filterKey` (other filters, a new item) starts again at the first page.
 */
export const useCursorTrail = (filterKey: string) => {
  const [paging, setPaging] = useState<{ filterKey: string; trail: (string | null)[] }>({ filterKey, trail: [null] });
  const trail = paging.filterKey === filterKey ? paging.trail : [null];
  return {
    /** The cursor of the page shown; null for the first. */
    cursor: trail[trail.length - 1],
    /** How many pages come before the one shown. */
    pagesBefore: trail.length - 1,
    previous: () => setPaging({ filterKey, trail: trail.slice(0, -1) }),
    next: (cursor: string) => setPaging({ filterKey, trail: [...trail, cursor] }),
  };
};
