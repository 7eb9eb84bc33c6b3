import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CredentialLocations, type CredentialLocation } from '@keyward/contracts';
import { MAX_ALLOWED_HOSTS, MAX_NAME_LENGTH } from '@keyward/domain';
import { IsDisplayName } from '../../validation/field.validators';
import { IsAllowedHosts, IsParameterName } from '../credential.validators';

/** Fields left out keep their value; the service is fixed at creation. */
export class UpdateCredentialRequestDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_NAME_LENGTH })
  @IsOptional()
  @IsDisplayName(MAX_NAME_LENGTH)
  name?: string;

  @ApiPropertyOptional({ enum: CredentialLocations, description: 'a value with characters above U+00FF can only stay in a query (400 naming location)' })
  @IsOptional()
  @IsIn(CredentialLocations)
  location?: CredentialLocation;

  @ApiPropertyOptional({ example: 'X-API-Key', description: 'needed when moving from bearer to header or query' })
  @IsOptional()
  @IsParameterName()
  parameterName?: string;

  @ApiPropertyOptional({ type: [String], minItems: 1, maxItems: MAX_ALLOWED_HOSTS })
  @IsOptional()
  @IsAllowedHosts()
  allowedHosts?: string[];
}
