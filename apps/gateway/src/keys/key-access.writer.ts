import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { CommandRequest, KeyView, Subjects } from '@keyward/contracts';
import { KeyStateQueries } from '@keyward/read-models';
import { CommandClient } from '../commands/command.client';
import { answerWritten } from '../http/consistency.header';
import { keyNotFound } from './key-id.pipe';

/** The commands that change what a key may do; each answers `KeyAccessResult`. */
type KeyAccessSubject = (typeof Subjects.keyCommand)['setRoles' | 'setPermissions' | 'share' | 'unshare'];

/** Roles, permissions and shares change through one path: the command, then the key as its history now shows it. */
@Injectable()
export class KeyAccessWriter {
  constructor(
    private readonly commands: CommandClient,
    private readonly keys: KeyStateQueries,
  ) {}

  async write<S extends KeyAccessSubject>(subject: S, request: CommandRequest<S>, response: Response): Promise<KeyView> {
    const written = await this.commands.send(subject, request);
    // Read from the history, which has the write whether or not the followers have caught up.
    const key = await this.keys.get(request.context.workspaceId, request.keyId);
    if (!key) throw keyNotFound(); // deleted by another request in between
    return answerWritten(response, { result: key, consistent: written.consistent });
  }
}
