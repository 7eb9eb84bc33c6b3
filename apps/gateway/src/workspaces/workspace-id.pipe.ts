import { Injectable, type PipeTransform } from '@nestjs/common';
import { ErrorCodes } from '@keyward/contracts';
import { isWorkspaceId } from '@keyward/domain';
import { ApiError } from '../errors/api-error';

export const workspaceNotFound = (): ApiError => new ApiError(ErrorCodes.workspaceNotFound, 'no such workspace');

/** A malformed id names no workspace: answered as an unknown one, without a lookup. */
@Injectable()
export class WorkspaceIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isWorkspaceId(value)) throw workspaceNotFound();
    return value;
  }
}
