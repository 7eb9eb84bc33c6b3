import { type KV, type NatsConnection, StorageType } from 'nats';
import type { SharedCount, SharedCountCodec, SharedCountStore } from './shared-count.store';

export interface JetStreamSharedCountStoreOptions {
  /** KV bucket name; every replica of one install names the same. */
  readonly bucket: string;
  /** JetStream's own request timeout, so a request its user gave up on does not linger. */
  readonly timeoutMs: number;
  /** JetStream domain, when the bucket lives behind a leaf node. */
  readonly domain?: string;
}

/** JetStream's "wrong last sequence": the compare-and-set lost to another writer. */
const WRONG_LAST_SEQUENCE = 10071;

const apiErrorCode = (error: unknown): number | undefined =>
  (error as { api_error?: { err_code?: number } } | null)?.api_error?.err_code;

/**
 * One JetStream KV entry per id (a key or identity id, never a secret) holding what the codec
 * writes; history 1, file storage so a NATS restart does not hand out what was already counted.
 */
export class JetStreamSharedCountStore<T> implements SharedCountStore<T> {
  private bucket: Promise<KV> | undefined;

  constructor(
    private readonly nats: NatsConnection,
    private readonly codec: SharedCountCodec<T>,
    private readonly options: JetStreamSharedCountStoreOptions,
  ) {}

  async read(id: string): Promise<SharedCount<T>> {
    const entry = await (await this.open()).get(id);
    if (!entry) return { state: 'absent', revision: 0 };
    // A DEL or PURGE marker (left only by hand: Keyward never deletes a count) reads as unreadable, not as nothing spent.
    const count = entry.operation === 'PUT' ? this.codec.decode(entry.value) : undefined;
    return count === undefined ? { state: 'unreadable', revision: entry.revision } : { state: 'counted', count, revision: entry.revision };
  }

  async write(id: string, count: T, revision: number): Promise<number | undefined> {
    const kv = await this.open();
    try {
      return await kv.put(id, this.codec.encode(count), { previousSeq: revision });
    } catch (error) {
      if (apiErrorCode(error) === WRONG_LAST_SEQUENCE) return undefined;
      throw error;
    }
  }

  /** Opens (or creates) the bucket once; a failed open is retried by the next call. */
  private open(): Promise<KV> {
    const { bucket, timeoutMs, domain } = this.options;
    this.bucket ??= this.nats
      .jetstream({ timeout: timeoutMs, ...(domain === undefined ? {} : { domain }) })
      .views.kv(bucket, { history: 1, storage: StorageType.File, timeout: timeoutMs })
      .catch((error: unknown) => {
        this.bucket = undefined;
        throw error;
      });
    return this.bucket;
  }
}
