import type { DataSource } from 'typeorm';
import { comparePositions } from '@keyward/event-store';
import { READ_MODELS_PROJECTION, readCheckpoint } from '@keyward/read-models';
import { WEBHOOK_SENDER_PROJECTION } from './enqueue-deliveries';

const POLL_MS = 50;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits (up to `timeoutMs`) until the sender has followed the history as far as the read models
 * had when asked, so that an endpoint created before a key is in the sender's endpoint list when
 * a notice about that key (a reminder, a rate-limit notice) is enqueued. Answers whether it got there.
 */
export const followedAsFarAsReadModels = async (dataSource: DataSource, timeoutMs: number): Promise<boolean> => {
  const target = await readCheckpoint(dataSource.manager, READ_MODELS_PROJECTION);
  if (target === undefined) return true;
  for (const deadline = Date.now() + timeoutMs; ; await sleep(POLL_MS)) {
    const sender = await readCheckpoint(dataSource.manager, WEBHOOK_SENDER_PROJECTION);
    if (sender !== undefined && comparePositions(sender, target) >= 0) return true;
    if (Date.now() >= deadline) return false;
  }
};
