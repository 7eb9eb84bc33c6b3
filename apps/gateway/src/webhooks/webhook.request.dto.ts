import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { WebhookEventTypes, type WebhookEventType } from '@keyward/contracts';
import { MAX_WEBHOOK_DESCRIPTION_LENGTH, MAX_WEBHOOK_URL_LENGTH } from '@keyward/domain';

/** Rules run bottom-up; only the first failure per field is reported. The URL's form is the domain's to judge. */
export class CreateWebhookRequestDto {
  @ApiProperty({ example: 'https://hooks.example.com/keyward', maxLength: MAX_WEBHOOK_URL_LENGTH, description: 'https (or http); whether its address may be reached is the operator\'s outbound policy' })
  @MaxLength(MAX_WEBHOOK_URL_LENGTH)
  @IsString()
  url!: string;

  @ApiProperty({ enum: WebhookEventTypes, isArray: true, minItems: 1, example: ['key.revoked', 'key.leaked'] })
  @IsIn(WebhookEventTypes, { each: true })
  @ArrayMaxSize(WebhookEventTypes.length * 2)
  @ArrayMinSize(1)
  @IsArray()
  events!: WebhookEventType[];

  @ApiPropertyOptional({ maxLength: MAX_WEBHOOK_DESCRIPTION_LENGTH })
  @IsOptional()
  @Matches(/^\P{Cc}*$/u, { message: 'description must not contain control characters' })
  @MaxLength(MAX_WEBHOOK_DESCRIPTION_LENGTH)
  @IsString()
  description?: string;
}

/** Fields left out keep their value; `enabled: true` turns back on an endpoint the sender disabled. */
export class UpdateWebhookRequestDto {
  @ApiPropertyOptional({ maxLength: MAX_WEBHOOK_URL_LENGTH })
  @IsOptional()
  @MaxLength(MAX_WEBHOOK_URL_LENGTH)
  @IsString()
  url?: string;

  @ApiPropertyOptional({ enum: WebhookEventTypes, isArray: true, minItems: 1 })
  @IsOptional()
  @IsIn(WebhookEventTypes, { each: true })
  @ArrayMaxSize(WebhookEventTypes.length * 2)
  @ArrayMinSize(1)
  @IsArray()
  events?: WebhookEventType[];

  @ApiPropertyOptional({ maxLength: MAX_WEBHOOK_DESCRIPTION_LENGTH })
  @IsOptional()
  @Matches(/^\P{Cc}*$/u, { message: 'description must not contain control characters' })
  @MaxLength(MAX_WEBHOOK_DESCRIPTION_LENGTH)
  @IsString()
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
