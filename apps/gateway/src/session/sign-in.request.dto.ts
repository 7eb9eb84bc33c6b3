import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** The key pasted into the console's sign-in: a Keyward key or the root key. Never kept, never logged. */
export class SignInRequestDto {
  @ApiProperty({ description: 'a key of the workspace (any valid key signs in; its permissions decide what the console may do), or the root key', minLength: 1, maxLength: 512, writeOnly: true })
  @Length(1, 512)
  @IsString()
  key!: string;
}
