import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CredentialLocations, type CredentialLocation, type CredentialSharing, type CredentialView } from '@keyward/contracts';

@ApiSchema({ name: 'CredentialSharing', description: 'the keys and roles that may use the credential besides its owner; both empty: personal' })
export class CredentialSharingDto implements CredentialSharing {
  @ApiProperty({ type: [String], example: ['key_4f9Qm2Xc8Lr7Tz1Wv6Yb3Nd0'] })
  readonly keys!: string[];

  @ApiProperty({ type: [String], example: ['read-only'] })
  readonly roles!: string[];
}

@ApiSchema({ name: 'CredentialView', description: 'a third-party credential: never its value, only the last 4 characters of it' })
export class CredentialViewDto implements CredentialView {
  @ApiProperty({ example: 'cred_7Hk2Lm9Pq4Rs8Tv1Wx3Y5Za0' })
  readonly id!: string;

  @ApiProperty({ example: 'default' })
  readonly workspaceId!: string;

  @ApiProperty({ example: 'stripe' })
  readonly service!: string;

  @ApiProperty({ example: 'billing' })
  readonly name!: string;

  @ApiProperty({ enum: CredentialLocations })
  readonly location!: CredentialLocation;

  @ApiProperty({ example: 'X-API-Key', description: 'the header or query parameter; Authorization for bearer' })
  readonly parameterName!: string;

  @ApiProperty({ type: [String], example: ['api.stripe.com'], description: 'lowercase ASCII (IDNA) hosts the value may be sent to' })
  readonly allowedHosts!: string[];

  @ApiProperty({ type: CredentialSharingDto })
  readonly sharedWith!: CredentialSharingDto;

  @ApiProperty({ example: 'key_4f9Qm2Xc8Lr7Tz1Wv6Yb3Nd0', description: 'the key that stored it' })
  readonly owner!: string;

  @ApiProperty({ example: 'x4Qz', description: 'the last 4 characters of the value; empty for a value of 8 characters or fewer' })
  readonly lastFour!: string;

  @ApiProperty({ format: 'date-time' })
  readonly createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the last value rotation; null while the first value is in use' })
  readonly rotatedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  readonly updatedAt!: string;
}

@ApiSchema({ name: 'CredentialList' })
export class CredentialListDto {
  @ApiProperty({ type: [CredentialViewDto] })
  readonly items!: CredentialViewDto[];
}
