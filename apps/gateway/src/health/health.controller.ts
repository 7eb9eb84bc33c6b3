import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { NatsConnection } from 'nats';
import { KeyQueries } from '@keyward/read-models';
import { Public } from '../auth/public.decorator';
import { resolvesWithin } from '@keyward/platform';
import { NATS_CONNECTION } from '@keyward/platform';

type Check = 'ok' | 'down';

export interface Health {
  readonly status: 'ok' | 'degraded';
  readonly checks: { readonly database: Check; readonly nats: Check };
}

/** A hung dependency must not hang the probe. */
const CHECK_TIMEOUT_MS = 2_000;

const check = async (probe: Promise<unknown>): Promise<Check> => ((await resolvesWithin(probe, CHECK_TIMEOUT_MS)) ? 'ok' : 'down');

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
  @ApiOkResponse({ description: '{ status: "ok", checks: { database, nats } }' })
  @ApiServiceUnavailableResponse({ description: '{ status: "degraded", checks } naming what is down' })
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const [database, nats] = await Promise.all([
      check(this.keys.ping()),
      // A round trip to the server: a closed or reconnecting connection does not pass.
      check(this.nats.isClosed() ? Promise.reject(new Error('closed')) : this.nats.flush()),
    ]);
    const status = database === 'ok' && nats === 'ok' ? 'ok' : 'degraded';
    response.status(status === 'ok' ? 200 : 503);
    return { status, checks: { database, nats } };
  }
}
