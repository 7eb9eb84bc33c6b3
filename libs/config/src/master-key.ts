import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { KeywardConfig } from './keyward-config';
import { readOrCreateSecretFile } from './secret-file';

/** A master key and its identifier, which is derived from it and safe to store beside what it wraps. */
export interface MasterKey {
  readonly id: string;
  readonly key: Buffer;
}

/** The master keys a service holds: `current` wraps new data keys; every one of `keys` (current first) unwraps. */
export interface MasterKeyring {
  readonly current: MasterKey;
  readonly keys: readonly MasterKey[];
  /** Where they came from: the variable (rotation is the operator's) or the data folder's file (rotation writes it). */
  readonly source: 'env' | 'file';
}

export const MASTER_KEY_ENV = 'KEYWARD_MASTER_KEY';
const MASTER_KEY_BYTES = 32;
/** 32 bytes in base64url: 43 characters, one `=` of padding tolerated. */
const BASE64URL_32 = /^[A-Za-z0-9_-]{43}=?$/;

/** First 8 bytes of HMAC-SHA256(key, label), hex: names the key without telling anything about it. */
export const masterKeyId = (key: Buffer): string => createHmac('sha256', key).update('keyward master key id').digest().subarray(0, 8).toString('hex');

/**
 * Parses a comma-separated list of base64url master keys (`where` names the variable or file in
 * errors, which never quote a key: a key one character off is still nearly the secret).
 */
export const parseMasterKeys = (text: string, where: string): MasterKey[] => {
  const entries = text.split(',').map((entry) => entry.trim());
  return entries.map((entry, index) => {
    const position = entries.length > 1 ? ` (entry ${index + 1} of ${entries.length})` : '';
    if (!BASE64URL_32.test(entry)) throw new Error(`${where}${position} must be base64url of exactly ${MASTER_KEY_BYTES} random bytes (43 characters)`);
    const key = Buffer.from(entry, 'base64url');
    return { id: masterKeyId(key), key };
  });
};

export const masterKeyFile = (dataDir: string): string => path.join(dataDir, 'master-key');
/** The key a rotation in progress wraps under; renamed over `master-key` when every data key is re-wrapped. */
export const nextMasterKeyFile = (dataDir: string): string => `${masterKeyFile(dataDir)}.next`;

const readIfExists = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

const generateMasterKey = (): string => randomBytes(MASTER_KEY_BYTES).toString('base64url');

/**
 * The master keyring: `KEYWARD_MASTER_KEY` ("current,previous,..."), else `<data>/master-key`,
 * generated once (mode 0600), preceded by `<data>/master-key.next` while a rotation runs. `.next`
 * is read first: a rotation that renames it meanwhile leaves the new key in `master-key`, so
 * either way the new key is found.
 */
export const loadMasterKeyring = (config: Pick<KeywardConfig, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): MasterKeyring => {
  if (env[MASTER_KEY_ENV]) {
    const keys = parseMasterKeys(env[MASTER_KEY_ENV], MASTER_KEY_ENV);
    return { current: keys[0], keys, source: 'env' };
  }
  const nextFile = nextMasterKeyFile(config.dataDir);
  const next = readIfExists(nextFile);
  const file = masterKeyFile(config.dataDir);
  const { value } = readOrCreateSecretFile(file, generateMasterKey);
  const keys = [...(next === undefined ? [] : parseMasterKeys(next, nextFile)), ...parseMasterKeys(value, file)];
  // Once `.next` has been renamed over `master-key` both name the same key.
  const unique = keys.filter((key, index) => keys.findIndex((other) => other.id === key.id) === index);
  return { current: unique[0], keys: unique, source: 'file' };
};

/** Starts (or, when `.next` exists, resumes) a rotation of the generated master key: answers the new key. */
export const beginMasterKeyRotation = (dataDir: string): MasterKey => {
  const file = nextMasterKeyFile(dataDir);
  const [key] = parseMasterKeys(readOrCreateSecretFile(file, generateMasterKey).value, file);
  return key;
};

/** Every data key is under `.next` now: it becomes the master key (rename is atomic, mode 0600 kept). */
export const completeMasterKeyRotation = (dataDir: string): void => renameSync(nextMasterKeyFile(dataDir), masterKeyFile(dataDir));
