import { useState, type FormEvent } from 'react';

/** A form's or a confirmation's one action: busy while it runs, its refusal kept to show (the dialog stays open). */
export const useSubmit = (action: () => Promise<void>) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
};
