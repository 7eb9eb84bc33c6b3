import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Share } from '@keyward/contracts';
import { IsResourceInstance, IsResourceName } from '../../validation/field.validators';
import { SHARE_ACCESS } from '../share.response.dto';

/** One resource instance, e.g. workflow `wf_42`, shared with the key. */
export class ShareResourceRequestDto implements Share {
  @ApiProperty({ example: 'workflows', description: 'a resource type of the workspace catalogue' })
  @IsResourceName()
  resource!: string;

  @ApiProperty({ example: 'wf_42', maxLength: 128 })
  @IsResourceInstance()
  resourceId!: string;

  @ApiProperty({ enum: SHARE_ACCESS })
  @IsIn(SHARE_ACCESS)
  access!: Share['access'];
}
