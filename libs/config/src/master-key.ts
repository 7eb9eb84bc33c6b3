import { createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { KeywardConfig } from './keyward-config';
import { readOrCreateSecretFile, readSecretFile, renameDurably } from './secret-file';

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

const generateMasterKey = (): string => randomBytes(MASTER_KEY_BYTES).toString('base64url');

const envKeyring = (text: string): MasterKeyring => {
  const keys = parseMasterKeys(text, MASTER_KEY_ENV);
  return { current: keys[0], keys, source: 'env' };
};

/** `.next` (read first: a rotation that renames it meanwhile leaves the new key in `master-key`, found either way), then `master-key`'s text. */
const fileKeyring = (dataDir: string, readMasterKey: (file: string) => string): MasterKeyring => {
  const nextFile = nextMasterKeyFile(dataDir);
  const next = readSecretFile(nextFile);
  const file = masterKeyFile(dataDir);
  const keys = [...(next === undefined ? [] : parseMasterKeys(next, nextFile)), ...parseMasterKeys(readMasterKey(file), file)];
  // Once `.next` has been renamed over `master-key` both name the same key.
  const unique = keys.filter((key, index) => keys.findIndex((other) => other.id === key.id) === index);
  return { current: unique[0], keys: unique, source: 'file' };
};

/**
 * The master keyring: `KEYWARD_MASTER_KEY` ("current,previous,..."), else `<data>/master-key`,
 * generated once (mode 0600) when absent, preceded by `<data>/master-key.next` while a rotation runs.
 */
export const loadMasterKeyring = (config: Pick<KeywardConfig, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): MasterKeyring =>
  env[MASTER_KEY_ENV] ? envKeyring(env[MASTER_KEY_ENV]) : fileKeyring(config.dataDir, (file) => readOrCreateSecretFile(file, generateMasterKey).value);

/**
 * The keyring as `loadMasterKeyring` reads it, but never generating a key: for a rotation, where a
 * brand-new key (the command run from the wrong folder) would wrap nothing and hide the mistake.
 */
export const existingMasterKeyring = (config: Pick<KeywardConfig, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): MasterKeyring =>
  env[MASTER_KEY_ENV]
    ? envKeyring(env[MASTER_KEY_ENV])
    : fileKeyring(config.dataDir, (file) => {
        const value = readSecretFile(file);
        if (value === undefined) throw new Error(`no master key in ${config.dataDir}: ${file} does not exist and ${MASTER_KEY_ENV} is unset (is this the services' data folder?)`);
        return value;
      });

/** Starts (or, when `.next` exists, resumes) a rotation of the generated master key: answers the new key. */
export const beginMasterKeyRotation = (dataDir: string): MasterKey => {
  const file = nextMasterKeyFile(dataDir);
  const [key] = parseMasterKeys(readOrCreateSecretFile(file, generateMasterKey).value, file);
  return key;
};

/**
 * Every data key is under `target` now: `.next` becomes the master key (rename is atomic, mode
 * 0600 kept, the folder synced). Refused unless `.next` still holds `target`: renaming any other
 * key over `master-key` would leave the rows wrapped under a key that exists nowhere.
 */
export const completeMasterKeyRotation = (dataDir: string, targetId: string): void => {
  const file = nextMasterKeyFile(dataDir);
  const next = readSecretFile(file);
  const nextId = next === undefined ? undefined : parseMasterKeys(next, file)[0].id;
  if (nextId !== targetId) {
    throw new Error(`${file} ${nextId === undefined ? 'is gone' : `holds master key ${nextId}`}, not ${targetId} that every data key was re-wrapped under: left as it is`);
  }
  renameDurably(file, masterKeyFile(dataDir));
};
