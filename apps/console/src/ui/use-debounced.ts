import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `ms` (a search box asks the API once per pause, not per keystroke). */
export const useDebounced = <T>(value: T, ms: number): T => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
};
