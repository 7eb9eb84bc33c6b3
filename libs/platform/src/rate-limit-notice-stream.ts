import { nanos, RetentionPolicy, StorageType, type NatsConnection, type StreamConfig } from 'nats';
import { RateLimitNoticeStream } from '@keyward/contracts';

const DAY_MS = 86_400_000;

/**
 * The rate-limit notices' stream: on disk, a work queue (a notice is gone once the sender
 * committed it), a day at most while no sender runs (a notice older than that tells of a window
 * long over). Its duplicate window drops the copies other verifiers send of the same (key,
 * window) within two minutes; the sender's table catches any later one.
 */
const NOTICE_STREAM: Partial<StreamConfig> & Pick<StreamConfig, 'name'> = {
  name: RateLimitNoticeStream.name,
  subjects: [RateLimitNoticeStream.subjects],
  retention: RetentionPolicy.Workqueue,
  storage: StorageType.File,
  max_age: nanos(DAY_MS),
  duplicate_window: nanos(2 * 60_000),
};

/** Creates the stream, or finds it as it should be: verifiers and the sender call this at start. */
export const ensureRateLimitNoticeStream = async (nats: NatsConnection): Promise<void> => {
  const jsm = await nats.jetstreamManager();
  await jsm.streams.add(NOTICE_STREAM);
};
