import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  beginMasterKeyRotation,
  completeMasterKeyRotation,
  loadMasterKeyring,
  masterKeyFile,
  masterKeyId,
  nextMasterKeyFile,
  parseMasterKeys,
} from './master-key';
import { tempDir } from './testing/temp-dir';

const newKey = (): string => randomBytes(32).toString('base64url');

describe('master keys', () => {
  it('names a key by 8 bytes of its HMAC, the same every time and different for another key', () => {
    const key = randomBytes(32);
    expect(masterKeyId(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(masterKeyId(Buffer.from(key))).toBe(masterKeyId(key));
    expect(masterKeyId(randomBytes(32))).not.toBe(masterKeyId(key));
  });

  it('takes KEYWARD_MASTER_KEY as a list, the first one current, and writes no file then', () => {
    const [first, second] = [newKey(), newKey()];
    const dataDir = tempDir();
    const ring = loadMasterKeyring({ dataDir }, { KEYWARD_MASTER_KEY: `${first}, ${second}` });
    expect(ring.source).toBe('env');
    expect(ring.keys.map((k) => k.key.toString('base64url'))).toEqual([first, second]);
    expect(ring.current).toBe(ring.keys[0]);
    expect(existsSync(masterKeyFile(dataDir))).toBe(false);
  });

  it.each([
    ['too short', randomBytes(31).toString('base64url')],
    ['too long', randomBytes(33).toString('base64url')],
    ['not base64url', `${newKey().slice(0, 42)}+`],
    ['empty', ''],
  ])('refuses a key %s, naming the variable and never the key', (_, bad) => {
    const load = (): unknown => loadMasterKeyring({ dataDir: tempDir() }, { KEYWARD_MASTER_KEY: `${newKey()},${bad}` });
    expect(load).toThrow(/KEYWARD_MASTER_KEY \(entry 2 of 2\) must be base64url of exactly 32 random bytes/);
    if (bad) expect(load).not.toThrow(bad);
  });

  it('generates <data>/master-key once, mode 0600, and reuses it', () => {
    const dataDir = tempDir();
    const first = loadMasterKeyring({ dataDir }, {});
    expect(first.source).toBe('file');
    expect(statSync(masterKeyFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(masterKeyFile(dataDir), 'utf8').trim(), 'base64url')).toHaveLength(32);
    expect(loadMasterKeyring({ dataDir }, {}).current.id).toBe(first.current.id);
  });

  it('refuses a damaged key file, naming the file', () => {
    const dataDir = tempDir();
    writeFileSync(masterKeyFile(dataDir), 'damaged\n', { mode: 0o600 });
    expect(() => loadMasterKeyring({ dataDir }, {})).toThrow(`${masterKeyFile(dataDir)} must be base64url`);
  });

  it('during a rotation holds both keys, the next one current; after it, the next one only', () => {
    const dataDir = tempDir();
    const old = loadMasterKeyring({ dataDir }, {}).current;
    const next = beginMasterKeyRotation(dataDir);
    expect(statSync(nextMasterKeyFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(beginMasterKeyRotation(dataDir).id).toBe(next.id);
    const during = loadMasterKeyring({ dataDir }, {});
    expect(during.keys.map((k) => k.id)).toEqual([next.id, old.id]);
    expect(during.current.id).toBe(next.id);
    completeMasterKeyRotation(dataDir);
    expect(loadMasterKeyring({ dataDir }, {}).keys.map((k) => k.id)).toEqual([next.id]);
    expect(existsSync(nextMasterKeyFile(dataDir))).toBe(false);
    expect(statSync(masterKeyFile(dataDir)).mode & 0o777).toBe(0o600);
  });

  it('parses one key without an entry number in its errors', () => {
    expect(() => parseMasterKeys('nope', 'the file')).toThrow(/^the file must be base64url/);
  });
});
