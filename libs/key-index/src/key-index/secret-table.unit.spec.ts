import { randomBytes } from 'node:crypto';
import { SecretTable } from './secret-table';

describe('SecretTable', () => {
  it('finds every stored digest, past several growths, and nothing else', () => {
    const table = new SecretTable();
    const digests = Array.from({ length: 5_000 }, () => randomBytes(32));
    digests.forEach((d, i) => expect(table.add(d, i * 2, i)).toBe(i));
    digests.forEach((d, i) => {
      const slot = table.find(d);
      expect(slot).toBe(i);
      expect(table.keyOf(slot)).toBe(i * 2);
      expect(table.validUntilOf(slot)).toBe(i);
    });
    expect(table.find(randomBytes(32))).toBe(-1);
  });

  it('finds nothing for a digest of another length', () => {
    const table = new SecretTable();
    const digest = randomBytes(32);
    table.add(digest, 0, Infinity);
    expect(table.find(digest.subarray(0, 16))).toBe(-1);
  });

  it('a table made of its columns finds the same secrets, and the columns do not follow later changes', () => {
    const table = new SecretTable();
    const digests = Array.from({ length: 3_000 }, () => randomBytes(32));
    digests.forEach((d, i) => table.add(d, i, Infinity));
    const columns = table.columns();
    table.expireAt(0, 5);
    const copy = SecretTable.of(columns);
    digests.forEach((d, i) => expect(copy.find(d)).toBe(i));
    expect(copy.validUntilOf(0)).toBe(Infinity);
    expect(copy.size).toBe(3_000);
  });
});
