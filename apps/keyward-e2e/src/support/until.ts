const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The probe's first answer other than `undefined`, looked for every 100 ms; throws naming `what` after `timeoutMs`. */
export const until = async <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> => {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
};
