import { ErrorCodes } from '@keyward/contracts';
import { isCredentialId } from '@keyward/domain';
import { ApiError } from '../errors/api-error';
import { idPipe } from '../http/id.pipe';

export const credentialNotFound = (): ApiError => new ApiError(ErrorCodes.credentialNotFound, 'no such credential');

export const CredentialIdPipe = idPipe(isCredentialId, credentialNotFound);
