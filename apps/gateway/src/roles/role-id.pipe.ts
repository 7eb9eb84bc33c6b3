import { ErrorCodes } from '@keyward/contracts';
import { isBuiltInRole, isRoleId } from '@keyward/domain';
import { ApiError } from '../errors/api-error';
import { idPipe } from '../http/id.pipe';

export const roleNotFound = (): ApiError => new ApiError(ErrorCodes.roleNotFound, 'no such role');

/** A built-in role is named by its name (`admin`), any other by its id. */
export const RoleIdPipe = idPipe((value) => isRoleId(value) || isBuiltInRole(value), roleNotFound);
