import { hkdfSync } from 'node:crypto';
import type { Provider } from '@nestjs/common';
import { loadMasterKeyring, type KeywardConfig } from '@keyward/config';
import { KEYWARD_CONFIG } from '@keyward/platform';

/** The key of request fingerprints (`requestFingerprint`). */
export const FINGERPRINT_KEY = Symbol('FINGERPRINT_KEY');

/**
 * Derived (HKDF) from the master key the gateway already holds for the vault, so a fingerprint in
 * the idempotency table or an event's metadata cannot be tested offline against guesses of a
 * body's secret (a credential's value). Fixed for the process's life: after a master-key rotation a
 * retry answered by a gateway started since is another request (409), within the 24-hour window only.
 */
export const fingerprintKeyProvider: Provider<Buffer> = {
  provide: FINGERPRINT_KEY,
  inject: [KEYWARD_CONFIG],
  useFactory: (config: KeywardConfig): Buffer => Buffer.from(hkdfSync('sha256', loadMasterKeyring(config).current.key, Buffer.alloc(0), 'keyward request fingerprint', 32)),
};
