import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { CommandContext, KeyAccessResult, KeyView } from '@keyward/contracts';
import { KeyQueries } from '@keyward/read-models';
import { CommandClient } from '../commands/command.client';
import { answerWritten } from '../http/consistency.header';

/** Roles, permissions and shares change through one path: the command, then the key as the table shows it. */
@Injectable()
export class KeyAccessWriter {
  constructor(
    private readonly commands: CommandClient,
    private readonly keys: KeyQueries,
  ) {}

  async write<Request extends { readonly context: CommandContext; readonly keyId: string }>(
    subject: string,
    request: Request,
    response: Response,
  ): Promise<KeyView | KeyAccessResult> {
    const written = await this.commands.sendThenRead<Request, KeyAccessResult, KeyView>(subject, request, () =>
      this.keys.get(request.context.workspaceId, request.keyId),
    );
    return answerWritten(response, written);
  }
}
