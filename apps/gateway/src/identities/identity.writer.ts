import { Injectable } from '@nestjs/common';
import type { IdentityView, Subjects } from '@keyward/contracts';
import { IdentityStateQueries } from '@keyward/read-models';
import { CommandClient } from '../commands/command.client';
import { ReadBackWriter } from '../commands/read-back.writer';
import { identityNotFound } from './identity-id.pipe';
import { IdentityViews } from './identity-views';

type IdentityWriteSubject = (typeof Subjects.identityCommand)['create' | 'update'];

/** An identity write answers the identity as its history now shows it, whether or not the projector caught up (its key count from the key table). */
@Injectable()
export class IdentityWriter extends ReadBackWriter<IdentityWriteSubject, IdentityView> {
  constructor(commands: CommandClient, identities: IdentityStateQueries, views: IdentityViews) {
    super(commands, {
      read: async (request, result) => {
        const record = await identities.get(request.context.workspaceId, result.id);
        return record && views.one(request.context.workspaceId, record);
      },
      gone: identityNotFound,
    });
  }
}
