import { JetStreamSharedCountStore, type JetStreamSharedCountStoreOptions } from '@keyward/consistency';
import type { NatsConnection } from 'nats';
import type { WindowCount } from './fixed-window';
import { windowCountCodec } from './window-count.codec';

export type JetStreamCounterStoreOptions = JetStreamSharedCountStoreOptions;

/** One KV entry per limited key (the key id): `<windowStart>.<windowMs>.<used>`. */
export class JetStreamCounterStore extends JetStreamSharedCountStore<WindowCount> {
  constructor(nats: NatsConnection, options: JetStreamCounterStoreOptions) {
    super(nats, windowCountCodec, options);
  }
}
