import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { KeyEnvironments, type KeyEnvironment, type KeyStatus } from '@keyward/contracts';
import { PageRequestDto } from '../../http/page.request.dto';

const STATUSES: readonly KeyStatus[] = ['active', 'expired', 'revoked'];

/** Rules run bottom-up; only the first failure per field is reported. */
export class ListKeysRequestDto extends PageRequestDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: KeyStatus;

  @ApiPropertyOptional({ enum: KeyEnvironments })
  @IsOptional()
  @IsIn(KeyEnvironments)
  environment?: KeyEnvironment;

  @ApiPropertyOptional({ maxLength: 100, description: 'part of the name, or the start of the prefix or id' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  search?: string;
}
