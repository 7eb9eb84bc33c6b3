import Table from 'cli-table3';

/** No colours: a table is read by people in a terminal and by `grep` in a pipe alike. */
const PLAIN = { head: [], border: [] };

/** Rows under a header, one line each. */
export const table = (head: readonly string[], rows: readonly (readonly string[])[]): string => {
  const t = new Table({ head: [...head], style: PLAIN });
  t.push(...rows.map((row) => [...row]));
  return t.toString();
};

/** One thing's fields, a name and a value a line. */
export const fields = (pairs: readonly (readonly [string, string])[]): string => {
  const t = new Table({ style: PLAIN });
  t.push(...pairs.map(([name, value]) => ({ [name]: value })));
  return t.toString();
};

/** A cell for a value that may be missing, a list or an object. */
export const cell = (value: string | number | boolean | null | undefined | readonly string[] | object): string => {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '-';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};
