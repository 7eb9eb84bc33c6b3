import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthChecks, httpStatusOf, type HealthReport } from '@keyward/platform';
import { Public } from '../auth/public.decorator';
import { HealthReportDto } from './health-report.response.dto';

/** Liveness and readiness in one: 200 when the gateway can serve, 503 naming the dependency that is down. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthChecks) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthReportDto, description: 'every dependency ok' })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'degraded or catching up, naming what is down' })
  async report(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.health.report();
    response.status(httpStatusOf(report));
    return report;
  }
}
