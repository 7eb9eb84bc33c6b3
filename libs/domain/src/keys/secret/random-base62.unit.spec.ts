import { BASE62_ALPHABET } from './base62';
import { randomBase62 } from './random-base62';

describe('randomBase62', () => {
  it('gives exactly the length asked for, from the alphabet', () => {
    for (const length of [0, 1, 24, 32, 500]) expect(randomBase62(length)).toMatch(new RegExp(`^[0-9A-Za-z]{${length}}$`));
  });

  it('draws every character equally often (no modulo bias)', () => {
    const sample = randomBase62(400_000);
    const counts = new Map<string, number>();
    for (const c of sample) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = sample.length / 62;
    const chiSquare = [...BASE62_ALPHABET].reduce((sum, c) => sum + ((counts.get(c) ?? 0) - expected) ** 2 / expected, 0);
    // 61 degrees of freedom: above 130 has a chance below 1e-6 for a fair draw. `byte % 62`
    // without rejection makes 0-7 a quarter more likely and lands in the thousands.
    expect(chiSquare).toBeLessThan(130);
  });
});
