import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ErrorCodes, type ErrorBody, type ErrorCode, type ErrorDetail } from '@keyward/contracts';

@ApiSchema({ name: 'ErrorDetail' })
export class ErrorDetailDto implements ErrorDetail {
  @ApiProperty({ example: 'name', description: 'the input at fault, as a dotted path' })
  readonly field!: string;

  @ApiProperty({ example: 'name must be shorter than or equal to 100 characters' })
  readonly message!: string;
}

/** Every error the gateway answers (product.md section 7). */
@ApiSchema({ name: 'ErrorBody' })
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ type: 'integer', example: 404, description: 'the HTTP status, repeated' })
  readonly statusCode!: number;

  @ApiProperty({ enum: Object.values(ErrorCodes), enumName: 'ErrorCode', example: ErrorCodes.keyNotFound })
  readonly code!: ErrorCode;

  @ApiProperty({ example: 'no such key' })
  readonly message!: string;

  @ApiPropertyOptional({ type: [ErrorDetailDto], description: 'per field, for VALIDATION_FAILED' })
  readonly details?: ErrorDetailDto[];
}
