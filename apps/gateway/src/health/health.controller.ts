import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { NatsConnection } from 'nats';
import { KeyQueries } from '@keyward/read-models';
import { NATS_CONNECTION } from '@keyward/platform';
import { Public } from '../auth/auth.decorators';

type Check = 'ok' | 'down';

export interface Health {
  readonly status: 'ok' | 'degraded';
  readonly checks: { readonly database: Check; readonly nats: Check };
}

/** Liveness and readiness in one: 200 when the gateway can serve, 503 when a dependency is down. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly keys: KeyQueries,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {}

  @Get()
  @Public()
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const database: Check = (await this.keys.ping().catch(() => false)) ? 'ok' : 'down';
    const nats: Check = this.nats.isClosed() ? 'down' : 'ok';
    const status = database === 'ok' && nats === 'ok' ? 'ok' : 'degraded';
    response.status(status === 'ok' ? 200 : 503);
    return { status, checks: { database, nats } };
  }
}
