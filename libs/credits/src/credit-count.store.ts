import { JetStreamSharedCountStore } from '@keyward/consistency';
import type { NatsConnection } from 'nats';
import type { CreditCount } from './credit-basis';
import { creditCountCodec } from './credit-count.codec';

/** Every verifier and gateway of an install reads and writes spend counts in this one bucket (README "Credits"). */
export const CREDITS_BUCKET = 'keyward-credits';

export interface CreditCountStoreOptions {
  /** JetStream's request timeout: how long one read or write may take before it counts as unreachable. */
  readonly timeoutMs: number;
  /** Another bucket than CREDITS_BUCKET (tests). */
  readonly bucket?: string;
  readonly domain?: string;
}

/** One KV entry per owner (a key id `key_…` or an identity id `idn_…`): `<generation>.<periodStart|->.<spent>`. */
export const jetStreamCreditCountStore = (nats: NatsConnection, options: CreditCountStoreOptions): JetStreamSharedCountStore<CreditCount> =>
  new JetStreamSharedCountStore(nats, creditCountCodec, { ...options, bucket: options.bucket ?? CREDITS_BUCKET });
