import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Plans, type Plan } from '@keyward/contracts';
import { MAX_NAME_LENGTH } from '@keyward/domain';
import { IsDisplayName } from '../../validation/field.validators';

export class CreateWorkspaceRequestDto {
  @ApiProperty({ example: 'Acme Inc.', minLength: 1, maxLength: MAX_NAME_LENGTH, description: 'trimmed' })
  @IsDisplayName(MAX_NAME_LENGTH)
  name!: string;

  @ApiPropertyOptional({ enum: Plans, default: 'free' })
  @IsOptional()
  @IsIn(Plans)
  plan?: Plan;
}
