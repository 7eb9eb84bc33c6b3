import { Injectable } from '@nestjs/common';
import type { RoleView, Subjects } from '@keyward/contracts';
import { RoleStateQueries } from '@keyward/read-models';
import { CommandClient } from '../commands/command.client';
import { ReadBackWriter } from '../commands/read-back.writer';
import { roleNotFound } from './role-id.pipe';

/** The commands that create or change a role; each answers `RoleResult`. */
type RoleWriteSubject = (typeof Subjects.roleCommand)['create' | 'update'];

/** A role write answers the role as its history now shows it: the same `RoleView` whether or not the projector caught up. */
@Injectable()
export class RoleWriter extends ReadBackWriter<RoleWriteSubject, RoleView> {
  constructor(commands: CommandClient, roles: RoleStateQueries) {
    super(commands, { read: (request, result) => roles.get(request.context.workspaceId, result.id), gone: roleNotFound });
  }
}
