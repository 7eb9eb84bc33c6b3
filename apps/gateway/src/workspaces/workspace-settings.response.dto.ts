import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { RateLimitWhenUnreachableChoices, type RateLimitWhenUnreachable, type WorkspaceSettings } from '@keyward/contracts';
import { ResourceTypeDto } from './update-workspace/update-workspace.request.dto';

/** The whole settings, as a workspace answers them; `WorkspaceSettingsDto` is the partial change a request sends. */
@ApiSchema({ name: 'WorkspaceSettings' })
export class WorkspaceSettingsViewDto implements WorkspaceSettings {
  @ApiProperty({ description: "when true, a key's roles, permissions and shares cannot change after creation (409)" })
  readonly keyPermissionsImmutable!: boolean;

  @ApiProperty({ type: [ResourceTypeDto], description: 'the resource types keys of this workspace can be given' })
  readonly resourceCatalogue!: ResourceTypeDto[];

  @ApiProperty({ type: 'integer', example: 90, description: 'a key with no VALID answer for this many days is marked stale' })
  readonly staleAfterDays!: number;

  @ApiProperty({ enum: RateLimitWhenUnreachableChoices, description: 'what a rate-limited key answers while the shared rate-limit state is out of reach' })
  readonly rateLimitWhenUnreachable!: RateLimitWhenUnreachable;

  @ApiProperty({ description: 'when true, a key named by a signed leak report (POST /v1/leaks) is revoked at once' })
  readonly revokeLeakedKeys!: boolean;
}
