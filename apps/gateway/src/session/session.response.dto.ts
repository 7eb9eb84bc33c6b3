import { ApiProperty } from '@nestjs/swagger';

export class SessionPrincipalDto {
  @ApiProperty({ example: 'default' })
  readonly workspaceId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the signed-in key; null for the root key' })
  readonly keyId!: string | null;

  @ApiProperty()
  readonly root!: boolean;

  @ApiProperty({ type: [String], example: ['api_keys:write'], description: "the key's effective permissions now" })
  readonly permissions!: string[];
}

/**
 * What the console needs after a sign-in or a reload (or any caller: who am I). The body never
 * holds the key or the session id: the id travels only in the sign-in's Set-Cookie header
 * (HttpOnly), so no script can read it.
 */
export class SessionDto {
  @ApiProperty({ type: String, nullable: true, description: 'send it as X-CSRF-Token on every write made with the session cookie; null when the request was authenticated by its Authorization header' })
  readonly csrfToken!: string | null;

  @ApiProperty({ type: SessionPrincipalDto })
  readonly principal!: SessionPrincipalDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the session began; null without one' })
  readonly createdAt!: string | null;
}
