import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_NAME_LENGTH } from '@keyward/domain';

export class ListCredentialsRequestDto {
  @ApiPropertyOptional({ maxLength: MAX_NAME_LENGTH, description: 'only the credentials of this service, as stored' })
  @IsOptional()
  @MaxLength(MAX_NAME_LENGTH)
  @IsString()
  service?: string;
}
