import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { CheckState, HealthReport, HealthStatus } from '@keyward/platform';

const STATUSES = Object.keys({ ok: true, 'catching-up': true, degraded: true } satisfies Record<HealthStatus, true>);
const STATES = Object.keys({ ok: true, down: true, 'catching-up': true, stale: true } satisfies Record<CheckState, true>);

@ApiSchema({ name: 'HealthReport' })
export class HealthReportDto implements HealthReport {
  @ApiProperty({ enum: STATUSES })
  readonly status!: HealthStatus;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: STATES }, example: { nats: 'ok', database: 'ok', eventStore: 'ok' }, description: 'each dependency by name' })
  readonly checks!: Readonly<Record<string, CheckState>>;
}
