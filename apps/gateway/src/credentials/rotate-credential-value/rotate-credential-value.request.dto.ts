import { ApiProperty } from '@nestjs/swagger';
import { MAX_CREDENTIAL_VALUE_LENGTH } from '@keyward/domain';
import { IsCredentialValue } from '../credential.validators';

export class RotateCredentialValueRequestDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_CREDENTIAL_VALUE_LENGTH, description: 'the new value, sealed at once; never shown. For header and bearer, Latin-1 only (no character above U+00FF)' })
  @IsCredentialValue()
  value!: string;
}
