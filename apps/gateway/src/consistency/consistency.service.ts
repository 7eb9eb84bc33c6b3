import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { FollowerRegistry, WriteAcknowledger } from '@keyward/consistency';
import type { PositionToken } from '@keyward/contracts';
import { positionFromToken } from '@keyward/event-store';
import { NATS_CONNECTION, resolvesWithin } from '@keyward/platform';
import { BarrierMetrics } from './barrier.metrics';

/** Longer than a verifier's staleness bound: a follower that misses it has stopped answering. */
const WAIT_MS = 3_000;
/** A flush is one round trip to the NATS server; longer means the bus is gone. */
const ACKNOWLEDGE_MS = 1_000;

/**
 * Read-your-writes (product.md section 5): a write is answered once every live verifier and a
 * projector have applied it, so the caller's next verify or read already sees it. A verifier the
 * wait did not include (it was joining, restarting or silent) hears the acknowledgement before the
 * caller's next verify, and answers nothing until it has applied the write.
 */
@Injectable()
export class ConsistencyService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ConsistencyService.name);
  private readonly registry: FollowerRegistry;
  private readonly acknowledger: WriteAcknowledger;

  constructor(
    @Inject(NATS_CONNECTION) nats: NatsConnection,
    private readonly barrier: BarrierMetrics,
  ) {
    this.registry = new FollowerRegistry(nats);
    this.acknowledger = new WriteAcknowledger(nats);
  }

  /** Before the first request: a write must know every follower that is already running. */
  async onApplicationBootstrap(): Promise<void> {
    await this.registry.start();
  }

  onApplicationShutdown(): void {
    this.registry.stop();
  }

  /** True when the followers applied `token` in time and the acknowledgement went out; false (and a warning) otherwise. */
  async waitFor(token: PositionToken, correlationId: string): Promise<boolean> {
    const position = positionFromToken(token);
    if (!position) {
      this.logger.error(`write ${correlationId}: key-command answered an unreadable position; not waiting`);
      return false;
    }
    const started = performance.now();
    const outcome = await this.registry.waitFor(position, { timeoutMs: WAIT_MS, requiredKinds: ['projector'] });
    this.barrier.observe(outcome.reached, (performance.now() - started) / 1_000);
    if (!outcome.reached) this.logger.warn(`write ${correlationId} at ${token} not applied within ${WAIT_MS} ms by: ${outcome.lagging.join(', ')}`);
    const acknowledged = await resolvesWithin(this.acknowledger.acknowledge(position), ACKNOWLEDGE_MS);
    // Unconfirmed, a verifier that was not waited for may not have heard it: the answer says so.
    if (!acknowledged) this.logger.warn(`write ${correlationId}: the acknowledgement was not confirmed by NATS`);
    return outcome.reached && acknowledged;
  }
}
