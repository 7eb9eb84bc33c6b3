import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { KeywardConfig } from './keyward-config';
import { readOrCreateSecretFile } from './secret-file';

const MIN_LENGTH = 32;

/** The HMAC pepper: `KEYWARD_PEPPER`, or `<data>/pepper` generated once. Losing it voids every key. */
export const loadPepper = (config: Pick<KeywardConfig, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): Buffer => {
  if (env.KEYWARD_PEPPER !== undefined) {
    if (env.KEYWARD_PEPPER.length < MIN_LENGTH) throw new Error(`KEYWARD_PEPPER must be at least ${MIN_LENGTH} characters`);
    return Buffer.from(env.KEYWARD_PEPPER, 'utf8');
  }
  const { value } = readOrCreateSecretFile(path.join(config.dataDir, 'pepper'), () => randomBytes(32).toString('base64url'));
  if (value.length < MIN_LENGTH) throw new Error(`${path.join(config.dataDir, 'pepper')} holds a pepper shorter than ${MIN_LENGTH} characters`);
  return Buffer.from(value, 'utf8');
};
