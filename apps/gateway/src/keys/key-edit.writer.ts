import { Injectable } from '@nestjs/common';
import type { KeyView, Subjects } from '@keyward/contracts';
import { KeyStateQueries } from '@keyward/read-models';
import { CommandClient } from '../commands/command.client';
import { ReadBackWriter } from '../commands/read-back.writer';
import { keyNotFound } from './key-id.pipe';

/** The commands that edit a key in place: what it may do (roles, permissions, shares), its name, expiry, limits, credits and metadata, and whether it is enabled. */
type KeyEditSubject = (typeof Subjects.keyCommand)['setRoles' | 'setPermissions' | 'share' | 'unshare' | 'update' | 'setEnabled'];

/** Edits of a key go through one path: the command, then the key as its history now shows it. */
@Injectable()
export class KeyEditWriter extends ReadBackWriter<KeyEditSubject, KeyView> {
  constructor(commands: CommandClient, keys: KeyStateQueries) {
    super(commands, { read: (request) => keys.get(request.context.workspaceId, request.keyId), gone: keyNotFound });
  }
}
