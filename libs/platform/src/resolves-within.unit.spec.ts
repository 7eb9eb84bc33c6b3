import { resolvesWithin } from './resolves-within';

describe('resolvesWithin', () => {
  it('is true for a promise that resolves in time', async () => {
    expect(await resolvesWithin(Promise.resolve('x'), 50)).toBe(true);
  });

  it('is false for one that rejects', async () => {
    expect(await resolvesWithin(Promise.reject(new Error('down')), 50)).toBe(false);
  });

  it('is false for one that takes longer', async () => {
    expect(await resolvesWithin(new Promise(() => undefined), 20)).toBe(false);
  });
});
