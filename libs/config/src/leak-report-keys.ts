import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const LEAK_REPORT_KEYS_ENV = 'KEYWARD_LEAK_REPORT_KEYS';
export const LEAK_REPORT_KEYS_FILE_ENV = 'KEYWARD_LEAK_REPORT_KEYS_FILE';

/** One public key a secret scanner signs leak reports with, by the identifier its reports name. */
export interface LeakReportKey {
  readonly keyIdentifier: string;
  readonly key: KeyObject;
}

const fail = (source: string, why: string): never => {
  throw new Error(`${source}: ${why}. Expected [{ "key_identifier": "…", "key": "-----BEGIN PUBLIC KEY-----…" }], or GitHub's { "public_keys": [...] }`);
};

/** An ECDSA P-256 public key in PEM: GitHub's secret-scanning partner program signs with nothing else. */
const p256Key = (pem: unknown, source: string, at: number): KeyObject => {
  if (typeof pem !== 'string') return fail(source, `entry ${at} has no "key"`);
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    return fail(source, `entry ${at}'s "key" is not a PEM public key`);
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') fail(source, `entry ${at}'s "key" is not an ECDSA P-256 key`);
  return key;
};

/** The keys of a document: a list, or GitHub's `/meta/public_keys/secret_scanning` answer saved as is. */
export const parseLeakReportKeys = (text: string, source: string): LeakReportKey[] => {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return fail(source, 'not JSON');
  }
  const list: unknown = Array.isArray(document) ? document : (document as { public_keys?: unknown } | null)?.public_keys;
  if (!Array.isArray(list)) return fail(source, 'not a list of keys');
  return list.map((entry: unknown, i) => {
    const { key_identifier: keyIdentifier, key } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof keyIdentifier !== 'string' || keyIdentifier.length === 0) return fail(source, `entry ${i} has no "key_identifier"`);
    return { keyIdentifier, key: p256Key(key, source, i) };
  });
};

/**
 * The public keys leak reports (`POST /v1/leaks`) are checked against: `KEYWARD_LEAK_REPORT_KEYS`
 * (the JSON itself), else the file `KEYWARD_LEAK_REPORT_KEYS_FILE` names, else none, and every
 * report is refused. A setting that cannot be read stops the gateway rather than refusing quietly.
 */
export const loadLeakReportKeys = (env: NodeJS.ProcessEnv): LeakReportKey[] => {
  const inline = env[LEAK_REPORT_KEYS_ENV];
  if (inline) return parseLeakReportKeys(inline, LEAK_REPORT_KEYS_ENV);
  const file = env[LEAK_REPORT_KEYS_FILE_ENV];
  if (!file) return [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`${LEAK_REPORT_KEYS_FILE_ENV} (${file})`, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseLeakReportKeys(text, `${LEAK_REPORT_KEYS_FILE_ENV} (${file})`);
};
