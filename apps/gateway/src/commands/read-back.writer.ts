import type { Response } from 'express';
import type { CommandRequest, CommandResult, CommandSubject } from '@keyward/contracts';
import type { ApiError } from '../errors/api-error';
import { answerWritten } from '../http/consistency.header';
import type { CommandClient } from './command.client';

/** How a write finds what it wrote in that thing's history, and what it answers when it is gone. */
export interface ReadBack<Subject extends CommandSubject, View> {
  readonly read: (request: CommandRequest<Subject>, result: CommandResult<Subject>) => Promise<View | undefined>;
  readonly gone: () => ApiError;
}

/**
 * A write answers the thing as its history now shows it: the same view whether or not the
 * followers caught up. Keys, roles and workspaces each say only how to read theirs back.
 */
export abstract class ReadBackWriter<Subject extends CommandSubject, View> {
  protected constructor(
    private readonly commands: CommandClient,
    private readonly readBack: ReadBack<Subject, View>,
  ) {}

  async write<S extends Subject>(subject: S, request: CommandRequest<S>, response: Response): Promise<View> {
    const written = await this.commands.send(subject, request);
    // Read from the history, which has the write whether or not the followers have caught up.
    const view = await this.readBack.read(request, written.result);
    if (!view) throw this.readBack.gone(); // deleted by another request in between
    return answerWritten(response, { result: view, consistent: written.consistent });
  }
}
