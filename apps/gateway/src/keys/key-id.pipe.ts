import { ErrorCodes } from '@keyward/contracts';
import { isKeyId } from '@keyward/domain';
import { ApiError } from '../errors/api-error';
import { idPipe } from '../http/id.pipe';

export const keyNotFound = (): ApiError => new ApiError(ErrorCodes.keyNotFound, 'no such key');

export const KeyIdPipe = idPipe(isKeyId, keyNotFound);
