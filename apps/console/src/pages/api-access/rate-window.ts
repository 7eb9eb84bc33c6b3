/** A rate limit's window as a person says it (the API takes seconds, 1 s to 1 day): the key's limit and its named limits. */
export const WINDOW_UNITS = [
  { value: '1', label: 'seconds' },
  { value: '60', label: 'minutes' },
  { value: '3600', label: 'hours' },
  { value: '86400', label: 'days' },
] as const;

/** The largest unit the window is a whole number of (90 s stays seconds; 3600 s is 1 hour). */
export const windowOf = (seconds: number): { window: string; unit: string } => {
  const unit = [...WINDOW_UNITS].reverse().find((u) => seconds % Number(u.value) === 0) ?? WINDOW_UNITS[0];
  return { window: String(seconds / Number(unit.value)), unit: unit.value };
};

