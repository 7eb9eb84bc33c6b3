/** The compare-and-set kept losing to other replicas' within the budget: the store answers, the entry is contended. */
export class ContendedError extends Error {
  constructor() {
    super('the compare-and-set kept losing within the budget');
  }
}

/** `call`'s answer, or a rejection once `deadline` (on `clock`) has passed; the call is not cancelled. */
export const withinBudget = async <T>(deadline: number, clock: () => number, call: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the shared count did not answer within the budget')), Math.max(0, deadline - clock()));
  });
  try {
    return await Promise.race([call, late]);
  } finally {
    clearTimeout(timer);
  }
};
