/** A fixture's value, which its `beforeAll` sets: reading it before then is a mistake in the test. */
export const setInBeforeAll = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('a fixture is read before its beforeAll ran');
  return value;
};
