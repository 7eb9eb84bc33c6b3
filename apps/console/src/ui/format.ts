const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const NUMBER = new Intl.NumberFormat();

export const formatTime = (iso: string | null | undefined, none = '—'): string => (iso ? DATE_TIME.format(new Date(iso)) : none);
export const formatCount = (n: number): string => NUMBER.format(n);

/** `<input type="datetime-local">` gives local time without a zone; the API wants an ISO instant. */
export const localInputToIso = (value: string): string | undefined => (value ? new Date(value).toISOString() : undefined);

/** The other way: an ISO instant as the `datetime-local` value of the browser's zone (to the minute), or empty. */
export const isoToLocalInput = (iso: string | null): string => {
  if (!iso) return '';
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
};
