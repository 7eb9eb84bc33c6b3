import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { AuditEventPage, AuditMetadataView, JsonValue, NewerAuditEventView } from '@keyward/contracts';

@ApiSchema({ name: 'AuditMetadata' })
export class AuditMetadataDto implements AuditMetadataView {
  @ApiProperty({ description: 'the acting key id, `root`, or `system`' })
  readonly actor!: string;

  @ApiProperty()
  readonly correlationId!: string;

  @ApiProperty()
  readonly causationId!: string;

  @ApiProperty({ format: 'date-time' })
  readonly occurredAt!: string;

  @ApiPropertyOptional()
  readonly sourceIp?: string;

  @ApiPropertyOptional()
  readonly userAgent?: string;

  @ApiProperty({ type: 'integer' })
  readonly schemaVersion!: number;
}

/** Every event's shape, the widest of `AuditEventView`'s: the data's fields depend on its type (section 6). */
@ApiSchema({ name: 'AuditEvent' })
export class AuditEventDto implements NewerAuditEventView {
  @ApiProperty({ example: '1234.567', description: 'the place in the global order; pass as `after` to read what follows' })
  readonly position!: string;

  @ApiProperty({ example: 'key-3f0c2a9e-8a4b-4f1e-9c2d-7b6a5e4d3c2b' })
  readonly streamId!: string;

  @ApiProperty({ example: 'KeyCreated' })
  readonly type!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "the event's data (product.md section 6), never a secret or its hash" })
  readonly data!: JsonValue;

  @ApiProperty({ type: AuditMetadataDto })
  readonly metadata!: AuditMetadataDto;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: 'SHA-256 of the previous link and this event (product.md section 9.6), hex; null until the chain has reached it',
  })
  readonly hash!: string | null;
}

@ApiSchema({ name: 'AuditEventPage' })
export class AuditEventPageDto implements AuditEventPage {
  @ApiProperty({ type: [AuditEventDto] })
  readonly items!: AuditEventDto[];

  @ApiProperty({ type: String, nullable: true, description: 'pass on for the next page; null once the page reached what is safe to read now' })
  readonly nextCursor!: string | null;
}
