import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { UsageCodes, type DeniedUsageCode, type KeyUsageReport, type TopKey, type UsageBucket, type WorkspaceUsageReport } from '@keyward/contracts';

const DENIED_CODES = UsageCodes.filter((code) => code !== 'VALID');

@ApiSchema({ name: 'UsageBucket', description: 'the verify answers of one hour or day (UTC)' })
export class UsageBucketDto implements UsageBucket {
  @ApiProperty({ type: String, format: 'date-time' })
  readonly start!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  readonly valid!: number;

  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(DENIED_CODES.map((code) => [code, { type: 'integer', minimum: 1 }])),
    additionalProperties: false,
    example: { REVOKED: 2, INSUFFICIENT_PERMISSIONS: 5 },
    description: 'denials by code; codes without any are left out',
  })
  readonly denied!: Partial<Record<DeniedUsageCode, number>>;
}

@ApiSchema({ name: 'KeyUsageReport' })
export class KeyUsageReportDto implements KeyUsageReport {
  @ApiProperty({ type: [UsageBucketDto], description: 'every bucket of the range, oldest first' })
  readonly buckets!: UsageBucketDto[];
}

@ApiSchema({ name: 'TopKey', description: "one of the workspace's busiest keys over the range" })
export class TopKeyDto implements TopKey {
  @ApiProperty({ example: 'key_4f9a2c7e1b3d5f60a8c9e2d1' })
  readonly keyId!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  readonly valid!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  readonly denied!: number;
}

@ApiSchema({ name: 'WorkspaceUsageReport' })
export class WorkspaceUsageReportDto implements WorkspaceUsageReport {
  @ApiProperty({ type: [UsageBucketDto], description: "the workspace's totals per bucket, oldest first" })
  readonly buckets!: UsageBucketDto[];

  @ApiProperty({ type: [TopKeyDto], description: 'at most 10 keys, most VALID answers first' })
  readonly topKeys!: TopKeyDto[];
}
