import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { PositionToken } from '@keyward/contracts';
import { FollowerRegistry } from '@keyward/consistency';
import { positionFromToken } from '@keyward/event-store';
import { NATS_CONNECTION } from '@keyward/platform';

/** Longer than a verifier's staleness bound, so a follower that misses it has stopped answering. */
const WAIT_MS = 3_000;

@Injectable()
export class ConsistencyService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ConsistencyService.name);
  private readonly registry: FollowerRegistry;

  constructor(@Inject(NATS_CONNECTION) nats: NatsConnection) {
    this.registry = new FollowerRegistry(nats);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.registry.start();
  }

  onApplicationShutdown(): void {
    this.registry.stop();
  }

  /** Waits until the verifiers and the key table have applied `token`; false if the bound passed. */
  async waitFor(token: PositionToken): Promise<boolean> {
    const position = positionFromToken(token);
    if (!position) throw new Error(`key-command answered an unreadable position`);
    const outcome = await this.registry.waitFor(position, { timeoutMs: WAIT_MS, requiredKinds: ['projector'] });
    if (!outcome.reached) this.logger.warn(`write at ${token} not yet applied by: ${outcome.lagging.join(', ')}`);
    return outcome.reached;
  }
}
