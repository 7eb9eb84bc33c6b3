import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Share } from '@keyward/contracts';
import { MAX_RESOURCE_INSTANCE_LENGTH, PERMISSION_ACTIONS } from '@keyward/domain';
import { IsResourceInstance, IsResourceName } from '../../validation/field.validators';

/** One resource instance, e.g. workflow `wf_42`, shared with the key. */
export class ShareResourceRequestDto implements Share {
  @ApiProperty({ example: 'workflows', description: 'a resource type of the workspace catalogue' })
  @IsResourceName()
  resource!: string;

  @ApiProperty({ example: 'wf_42', maxLength: MAX_RESOURCE_INSTANCE_LENGTH })
  @IsResourceInstance()
  resourceId!: string;

  @ApiProperty({ enum: PERMISSION_ACTIONS })
  @IsIn(PERMISSION_ACTIONS)
  access!: Share['access'];
}
