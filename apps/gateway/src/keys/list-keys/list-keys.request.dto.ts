import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { KeyEnvironments, type KeyEnvironment, type KeyStatus } from '@keyward/contracts';
import { PageRequestDto } from '../../http/page.request.dto';
import { KEY_STATUSES } from '../key.response.dto';

/** Rules run bottom-up; only the first failure per field is reported. */
export class ListKeysRequestDto extends PageRequestDto {
  @ApiPropertyOptional({ enum: KEY_STATUSES })
  @IsOptional()
  @IsIn(KEY_STATUSES)
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

  @ApiPropertyOptional({ enum: ['true', 'false'], description: "only the stale keys (active, no VALID answer for the workspace's staleAfterDays), or only the others" })
  @IsOptional()
  @IsIn(['true', 'false'])
  stale?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only the enabled keys, or only the disabled ones' })
  @IsOptional()
  @IsIn(['true', 'false'])
  enabled?: 'true' | 'false';
}
