import { isKeyId, newKeyId } from '../keys/key-id';
import { BASE62_ALPHABET } from '../keys/secret/base62';
import { isRoleId, newRoleId } from '../roles/role-rules';
import { isWorkspaceId, newWorkspaceId } from '../workspaces/workspace-id';
import { derivedIds } from './id-source';

const SECRET = Buffer.alloc(32, 7);

describe('derivedIds', () => {
  it('gives the same id for the same secret and input, every time', () => {
    const ids = derivedIds(SECRET, 'key\0default\0order-42');
    expect(newKeyId(derivedIds(SECRET, 'key\0default\0order-42'))).toBe(newKeyId(ids));
    expect(newKeyId(ids)).toBe(newKeyId(ids));
  });

  it('gives another id for another input or another secret', () => {
    const id = newKeyId(derivedIds(SECRET, 'key\0default\0order-42'));
    expect(newKeyId(derivedIds(SECRET, 'key\0default\0order-43'))).not.toBe(id);
    expect(newKeyId(derivedIds(SECRET, 'key\0ws_other\0order-42'))).not.toBe(id);
    expect(newKeyId(derivedIds(Buffer.alloc(32, 8), 'key\0default\0order-42'))).not.toBe(id);
  });

  it('makes ids of the usual form, for keys, roles and workspaces', () => {
    for (let i = 0; i < 200; i++) {
      const ids = derivedIds(SECRET, `input ${i}`);
      expect(isKeyId(newKeyId(ids))).toBe(true);
      expect(isRoleId(newRoleId(ids))).toBe(true);
      expect(isWorkspaceId(newWorkspaceId(ids))).toBe(true);
    }
  });

  it('uses every base62 character about equally often (no modulo bias)', () => {
    const counts = new Map<string, number>();
    const draws = 5_000;
    for (let i = 0; i < draws; i++) for (const c of derivedIds(SECRET, String(i))(62)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = draws;
    const chiSquare = [...BASE62_ALPHABET].reduce((sum, c) => sum + ((counts.get(c) ?? 0) - expected) ** 2 / expected, 0);
    // 61 degrees of freedom: above 130 has a chance below 1e-6 for a fair source.
    expect(chiSquare).toBeLessThan(130);
  });
});
