import { nanos, RetentionPolicy, StorageType, type NatsConnection, type StreamConfig } from 'nats';
import { UsageStream } from '@keyward/contracts';

const DAY_MS = 86_400_000;

/**
 * The usage stream (product.md section 9.1): on disk, so batches outlive a NATS restart; a work
 * queue, so a batch is gone once the projector acknowledged it; a week at most while no projector
 * runs. Its duplicate window is longer than a verifier's retries of one batch usually last, and
 * the projector's batch table catches any repeat beyond it.
 */
const USAGE_STREAM: Partial<StreamConfig> & Pick<StreamConfig, 'name'> = {
  name: UsageStream.name,
  subjects: [UsageStream.subjects],
  retention: RetentionPolicy.Workqueue,
  storage: StorageType.File,
  max_age: nanos(7 * DAY_MS),
  duplicate_window: nanos(10 * 60_000),
};

/**
 * Creates the usage stream, or finds it as it should be: both its writers (verifiers) and its
 * reader (the usage projector) call this at start, whichever comes first.
 */
export const ensureUsageStream = async (nats: NatsConnection): Promise<void> => {
  const jsm = await nats.jetstreamManager();
  // Adding a stream that exists with the same configuration succeeds: this is idempotent.
  await jsm.streams.add(USAGE_STREAM);
};
