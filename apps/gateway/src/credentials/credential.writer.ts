import { Injectable } from '@nestjs/common';
import type { CredentialView, Subjects } from '@keyward/contracts';
import { credentialView, CredentialStateQueries } from '@keyward/read-models';
import { CommandClient } from '../commands/command.client';
import { ReadBackWriter } from '../commands/read-back.writer';
import { credentialNotFound } from './credential-id.pipe';

/** The commands that store or change a credential; each answers `CredentialResult`. */
type CredentialWriteSubject = (typeof Subjects.credentialCommand)['store' | 'update' | 'rotateValue' | 'setSharing'];

/** A credential write answers the credential as its history now shows it, whether or not the projector caught up. */
@Injectable()
export class CredentialWriter extends ReadBackWriter<CredentialWriteSubject, CredentialView> {
  constructor(commands: CommandClient, credentials: CredentialStateQueries) {
    super(commands, {
      read: async (request, result) => {
        const state = await credentials.get(request.context.workspaceId, result.id);
        return state && credentialView(state);
      },
      gone: credentialNotFound,
    });
  }
}
