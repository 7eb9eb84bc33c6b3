import { Injectable, type PipeTransform } from '@nestjs/common';
import { ErrorCodes } from '@keyward/contracts';
import { isBuiltInRole, isRoleId } from '@keyward/domain';
import { ApiError } from '../errors/api-error';

export const roleNotFound = (): ApiError => new ApiError(ErrorCodes.roleNotFound, 'no such role');

/** A malformed id names no role: answered as an unknown one, without a lookup. */
@Injectable()
export class RoleIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isRoleId(value) && !isBuiltInRole(value)) throw roleNotFound();
    return value;
  }
}
