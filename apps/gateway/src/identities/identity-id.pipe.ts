import { ErrorCodes } from '@keyward/contracts';
import { isIdentityId } from '@keyward/domain';
import { ApiError } from '../errors/api-error';
import { idPipe } from '../http/id.pipe';

export const identityNotFound = (): ApiError => new ApiError(ErrorCodes.identityNotFound, 'no such identity');

export const IdentityIdPipe = idPipe(isIdentityId, identityNotFound);
