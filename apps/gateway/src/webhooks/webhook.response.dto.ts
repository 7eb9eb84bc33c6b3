import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  WebhookDeliveryStatuses,
  WebhookEventTypes,
  type WebhookAttemptView,
  type WebhookDeliveryStatus,
  type WebhookDeliveryView,
  type WebhookEventType,
  type WebhookView,
} from '@keyward/contracts';
import { SECRET_ALREADY_SHOWN } from '../idempotency/secret-already-shown.schema';

@ApiSchema({ name: 'WebhookView', description: 'a webhook endpoint: never its signing secret' })
export class WebhookViewDto implements WebhookView {
  @ApiProperty({ example: 'whk_7Hk2Lm9Pq4Rs8Tv1Wx3Y5Za0' })
  readonly id!: string;

  @ApiProperty({ example: 'default' })
  readonly workspaceId!: string;

  @ApiProperty({ example: 'https://hooks.example.com/keyward' })
  readonly url!: string;

  @ApiProperty({ enum: WebhookEventTypes, isArray: true })
  readonly events!: WebhookEventType[];

  @ApiProperty({ example: '' })
  readonly description!: string;

  @ApiProperty()
  readonly enabled!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'why the sender disabled it (failing for the whole retry period); null otherwise' })
  readonly disabledReason!: string | null;

  @ApiProperty({ format: 'date-time' })
  readonly createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly secretRotatedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  readonly updatedAt!: string;
}

/** The create's or rotate's answer: the signing secret, or, to a repeat of the request, `secret: null` and `secretAlreadyShown`. */
@ApiSchema({ name: 'WebhookWithSecret' })
export class WebhookWithSecretDto extends WebhookViewDto {
  @ApiProperty({ type: String, nullable: true, example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'the signing secret (Standard Webhooks), shown this once; null when a repeat of the request (Idempotency-Key) answers' })
  readonly secret!: string | null;

  @ApiPropertyOptional(SECRET_ALREADY_SHOWN)
  readonly secretAlreadyShown?: true;
}

@ApiSchema({ name: 'WebhookList' })
export class WebhookListDto {
  @ApiProperty({ type: [WebhookViewDto] })
  readonly items!: WebhookViewDto[];
}

@ApiSchema({ name: 'WebhookAttempt', description: 'one try of a delivery and what the endpoint answered' })
export class WebhookAttemptDto implements WebhookAttemptView {
  @ApiProperty({ format: 'date-time' })
  readonly attemptedAt!: string;

  @ApiProperty({ type: Number, nullable: true, example: 200, description: 'the HTTP status answered; null when none came' })
  readonly status!: number | null;

  @ApiProperty({ example: 42 })
  readonly durationMs!: number;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'why the try failed' })
  readonly error!: string | null;
}

@ApiSchema({ name: 'WebhookDelivery' })
export class WebhookDeliveryDto implements WebhookDeliveryView {
  @ApiProperty({ example: 'msg_2f0c8a6e1b7d4c3a9e5f1d2b3c4a5e6f', description: 'the webhook-id header, the same on every try' })
  readonly id!: string;

  @ApiProperty({ example: 'whk_7Hk2Lm9Pq4Rs8Tv1Wx3Y5Za0' })
  readonly webhookId!: string;

  @ApiProperty({ enum: WebhookEventTypes })
  readonly eventType!: WebhookEventType;

  @ApiProperty({ format: 'uuid', description: 'the history event it tells of, or the id of the reminder (key.expiring, key.stale) or rate-limit notice it is' })
  readonly eventId!: string;

  @ApiProperty({ enum: WebhookDeliveryStatuses })
  readonly status!: WebhookDeliveryStatus;

  @ApiProperty({ format: 'date-time' })
  readonly createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly deliveredAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly nextAttemptAt!: string | null;

  @ApiProperty({ type: [WebhookAttemptDto] })
  readonly attempts!: WebhookAttemptDto[];
}

@ApiSchema({ name: 'WebhookDeliveryPage' })
export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto], description: 'newest first' })
  readonly items!: WebhookDeliveryDto[];

  @ApiProperty({ type: String, nullable: true })
  readonly nextCursor!: string | null;
}
