import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, ValidateBy, buildMessage } from 'class-validator';
import { OUTBOUND_METHODS, type OutboundRequest } from '@keyward/outbound';

const MAX_URL_LENGTH = 8_192;
const MAX_HEADERS = 50;

const isHeaderRecord = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length <= MAX_HEADERS && Object.values(value).every((item) => typeof item === 'string');

/** The outbound request a caller asks the broker to send; the credential's value is added by the broker. */
export class SendRequestRequestDto implements Omit<OutboundRequest, 'headers'> {
  @ApiProperty({ enum: OUTBOUND_METHODS, example: 'POST' })
  @IsIn(OUTBOUND_METHODS)
  method!: (typeof OUTBOUND_METHODS)[number];

  @ApiProperty({ example: 'https://api.stripe.com/v1/charges', maxLength: MAX_URL_LENGTH, description: "absolute https URL whose host (and port) is among the credential's allowedHosts" })
  @IsString()
  @Length(1, MAX_URL_LENGTH)
  url!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, maxProperties: MAX_HEADERS, example: { 'content-type': 'application/json' }, description: "never the credential's own header, Authorization for bearer, nor connection headers" })
  @IsOptional()
  @ValidateBy({ name: 'isHeaderRecord', validator: { validate: isHeaderRecord, defaultMessage: buildMessage((prefix) => `${prefix}$property must be an object of at most ${MAX_HEADERS} string values`) } })
  headers?: Record<string, string>;

  @ApiPropertyOptional({ example: 'amount=2000&currency=usd', description: 'sent as is (UTF-8)' })
  @IsOptional()
  @IsString()
  body?: string;
}
