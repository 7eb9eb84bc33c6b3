import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CredentialLocations, type CredentialLocation } from '@keyward/contracts';
import { MAX_ALLOWED_HOSTS, MAX_CREDENTIAL_VALUE_LENGTH, MAX_NAME_LENGTH } from '@keyward/domain';
import { IsDisplayName } from '../../validation/field.validators';
import { CredentialSharingRequestDto } from '../credential-sharing.request.dto';
import { FitsItsLocation, IsAllowedHosts, IsCredentialValue, IsParameterName, IsSharing } from '../credential.validators';

/** Rules run bottom-up; only the first failure per field is reported. */
export class StoreCredentialRequestDto {
  @ApiProperty({ example: 'stripe', minLength: 1, maxLength: MAX_NAME_LENGTH, description: 'trimmed' })
  @IsDisplayName(MAX_NAME_LENGTH)
  service!: string;

  @ApiProperty({ example: 'billing', minLength: 1, maxLength: MAX_NAME_LENGTH, description: 'trimmed' })
  @IsDisplayName(MAX_NAME_LENGTH)
  name!: string;

  @ApiProperty({ example: 'sk_live_…', minLength: 1, maxLength: MAX_CREDENTIAL_VALUE_LENGTH, description: 'sealed at once; never shown, logged or stored as given. For header and bearer, Latin-1 only (no character above U+00FF)' })
  @FitsItsLocation()
  @IsCredentialValue()
  value!: string;

  @ApiProperty({ enum: CredentialLocations })
  @IsIn(CredentialLocations)
  location!: CredentialLocation;

  @ApiPropertyOptional({ example: 'X-API-Key', description: 'required for header and query; Authorization (or left out) for bearer' })
  @IsOptional()
  @IsParameterName()
  parameterName?: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_ALLOWED_HOSTS, example: ['api.stripe.com'], description: 'exact hosts, optionally host:port (without a port: the scheme default only)' })
  @IsAllowedHosts()
  allowedHosts!: string[];

  @ApiPropertyOptional({ type: CredentialSharingRequestDto, description: 'left out: personal (its owner only)' })
  @IsOptional()
  @IsSharing(() => CredentialSharingRequestDto)
  sharedWith?: CredentialSharingRequestDto;
}
