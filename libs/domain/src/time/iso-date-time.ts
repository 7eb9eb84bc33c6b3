/** `YYYY-MM-DDTHH:MM[:SS[.fraction]]` and an explicit zone: without one, the host's zone would decide. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Epoch milliseconds of a strict ISO 8601 date-time with zone, or `undefined`. `Date.parse`
 * alone would accept `2027-02-30` (rolling into March), `Jan 1 2027` and zone-less local times.
 */
export const parseIsoDateTime = (text: string): number | undefined => {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return undefined;
  // Absent optional parts (seconds, offset) count as 0.
  const [, year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match.map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
};
