import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  Subjects,
  type CommandReply,
  type CreateKeyResult,
  type RevokeKeyResult,
  type RotateKeyResult,
} from '@keyward/contracts';
import { CommandExceptionFilter } from '../commands/command-exception.filter';
import { CreateKeyHandler } from './create-key/create-key.handler';
import { RevokeKeyHandler } from './revoke-key/revoke-key.handler';
import { RotateKeyHandler } from './rotate-key/rotate-key.handler';

/** Key commands over NATS request/reply; replicas share them through the queue group. */
@Controller()
@UseFilters(CommandExceptionFilter)
export class KeysMessageController {
  constructor(
    private readonly createKey: CreateKeyHandler,
    private readonly rotateKey: RotateKeyHandler,
    private readonly revokeKey: RevokeKeyHandler,
  ) {}

  @MessagePattern(Subjects.keyCommand.create)
  create(@Payload() payload: unknown): Promise<CommandReply<CreateKeyResult>> {
    return this.createKey.execute(payload);
  }

  @MessagePattern(Subjects.keyCommand.rotate)
  rotate(@Payload() payload: unknown): Promise<CommandReply<RotateKeyResult>> {
    return this.rotateKey.execute(payload);
  }

  @MessagePattern(Subjects.keyCommand.revoke)
  revoke(@Payload() payload: unknown): Promise<CommandReply<RevokeKeyResult>> {
    return this.revokeKey.execute(payload);
  }
}
