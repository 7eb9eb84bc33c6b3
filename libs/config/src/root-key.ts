import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { KeywardConfig } from './keyward-config';
import { readOrCreateSecretFile, readSecretFile } from './secret-file';

const MIN_LENGTH = 32;

export interface RootKey {
  readonly key: string;
  /** True only for the process that generated it: that one shows the banner. */
  readonly generated: boolean;
  readonly path?: string;
}

const rootKeyFile = (dataDir: string): string => path.join(dataDir, 'root-key');

/**
 * The operator's credential for the gateway (product.md section 3). A generated one is
 * `kwroot_…`, deliberately not the `kw_<env>_` format, so it can never pass `keyward.v1.verify`.
 */
export const loadRootKey = (config: Pick<KeywardConfig, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): RootKey => {
  if (env.KEYWARD_ROOT_KEY !== undefined) {
    if (env.KEYWARD_ROOT_KEY.length < MIN_LENGTH) throw new Error(`KEYWARD_ROOT_KEY must be at least ${MIN_LENGTH} characters`);
    return { key: env.KEYWARD_ROOT_KEY, generated: false };
  }
  const file = rootKeyFile(config.dataDir);
  const { value, created } = readOrCreateSecretFile(file, () => `kwroot_${randomBytes(32).toString('base64url')}`);
  return { key: value, generated: created, path: file };
};

/** The root key the services use, if they have one, without ever creating one: for the CLI, a client of the gateway. */
export const findRootKey = (config: Pick<KeywardConfig, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): string | undefined => {
  if (env.KEYWARD_ROOT_KEY) return env.KEYWARD_ROOT_KEY;
  return readSecretFile(rootKeyFile(config.dataDir)) || undefined;
};

export const rootKeyBanner = (rootKey: RootKey): string => {
  const line = '='.repeat(76);
  return [
    line,
    '  Keyward root key (shown once: copy it now)',
    '',
    `  ${rootKey.key}`,
    '',
    `  Stored in ${rootKey.path ?? 'KEYWARD_ROOT_KEY'} (mode 0600). Use it to create admin keys:`,
    '  POST /v1/keys with "Authorization: Bearer <root key>".',
    line,
    '',
  ].join('\n');
};
