import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadLeakReportKeys, parseLeakReportKeys } from './leak-report-keys';

const pem = (curve = 'prime256v1'): string => generateKeyPairSync('ec', { namedCurve: curve }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('leak report keys', () => {
  it('reads a list, or GitHub’s public_keys document as saved', () => {
    const key = pem();
    expect(parseLeakReportKeys(JSON.stringify([{ key_identifier: 'k1', key }]), 'X').map((k) => k.keyIdentifier)).toEqual(['k1']);
    const github = { public_keys: [{ key_identifier: 'k2', key, is_current: true }] };
    expect(parseLeakReportKeys(JSON.stringify(github), 'X')[0]).toMatchObject({ keyIdentifier: 'k2', key: { asymmetricKeyType: 'ec' } });
  });

  it.each([
    ['not JSON', 'nope', /not JSON/],
    ['no list', '{}', /not a list/],
    ['no identifier', JSON.stringify([{ key: 'x' }]), /entry 0 has no "key_identifier"/],
    ['no PEM', JSON.stringify([{ key_identifier: 'k', key: 'garbage' }]), /not a PEM public key/],
    ['another curve', JSON.stringify([{ key_identifier: 'k', key: pem('secp384r1') }]), /not an ECDSA P-256 key/],
  ])('refuses %s, naming the setting', (_, text, message) => {
    expect(() => parseLeakReportKeys(text, 'KEYWARD_LEAK_REPORT_KEYS')).toThrow(message);
    expect(() => parseLeakReportKeys(text, 'KEYWARD_LEAK_REPORT_KEYS')).toThrow(/^KEYWARD_LEAK_REPORT_KEYS: /);
  });

  it('takes the variable first, then the file, else no key', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leak-keys-'));
    const file = path.join(dir, 'keys.json');
    writeFileSync(file, JSON.stringify([{ key_identifier: 'from-file', key: pem() }]));
    expect(loadLeakReportKeys({ KEYWARD_LEAK_REPORT_KEYS_FILE: file })[0].keyIdentifier).toBe('from-file');
    expect(loadLeakReportKeys({ KEYWARD_LEAK_REPORT_KEYS: JSON.stringify([{ key_identifier: 'inline', key: pem() }]), KEYWARD_LEAK_REPORT_KEYS_FILE: file })[0].keyIdentifier).toBe('inline');
    expect(loadLeakReportKeys({})).toEqual([]);
    expect(() => loadLeakReportKeys({ KEYWARD_LEAK_REPORT_KEYS_FILE: path.join(dir, 'missing.json') })).toThrow(/cannot be read \(ENOENT\)/);
  });
});
