const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const NUMBER = new Intl.NumberFormat();

export const formatTime = (iso: string | null | undefined, none = '—'): string => (iso ? DATE_TIME.format(new Date(iso)) : none);
export const formatCount = (n: number): string => NUMBER.format(n);

/** `<input type="datetime-local">` gives local time without a zone; the API wants an ISO instant. */
export const localInputToIso = (value: string): string | undefined => (value ? new Date(value).toISOString() : undefined);
