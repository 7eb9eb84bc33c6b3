import { PartialType } from '@nestjs/swagger';
import { CreateRoleRequestDto } from '../create-role/create-role.request.dto';

/** The create rules, every field optional: a field left out keeps its value. */
export class UpdateRoleRequestDto extends PartialType(CreateRoleRequestDto) {}
