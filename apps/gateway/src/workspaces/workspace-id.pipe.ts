import { ErrorCodes } from '@keyward/contracts';
import { isWorkspaceId } from '@keyward/domain';
import { ApiError } from '../errors/api-error';
import { idPipe } from '../http/id.pipe';

export const workspaceNotFound = (): ApiError => new ApiError(ErrorCodes.workspaceNotFound, 'no such workspace');

export const WorkspaceIdPipe = idPipe(isWorkspaceId, workspaceNotFound);
