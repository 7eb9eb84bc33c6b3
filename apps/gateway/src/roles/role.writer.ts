import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { CommandRequest, RoleView, Subjects } from '@keyward/contracts';
import { RoleStateQueries } from '@keyward/read-models';
import { CommandClient } from '../commands/command.client';
import { answerWritten } from '../http/consistency.header';
import { roleNotFound } from './role-id.pipe';

/** The commands that create or change a role; each answers `RoleResult`. */
type RoleWriteSubject = (typeof Subjects.roleCommand)['create' | 'update'];

/** A role write answers the role as its history now shows it: the same `RoleView` whether or not the projector caught up. */
@Injectable()
export class RoleWriter {
  constructor(
    private readonly commands: CommandClient,
    private readonly roles: RoleStateQueries,
  ) {}

  async write<S extends RoleWriteSubject>(subject: S, request: CommandRequest<S>, response: Response): Promise<RoleView> {
    const written = await this.commands.send(subject, request);
    const role = await this.roles.get(request.context.workspaceId, written.result.id);
    if (!role) throw roleNotFound(); // deleted by another request in between
    return answerWritten(response, { result: role, consistent: written.consistent });
  }
}
