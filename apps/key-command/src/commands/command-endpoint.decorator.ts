import { UsePipes, type PipeTransform } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { CommandReplyOf, CommandRequest, CommandSubject } from '@keyward/contracts';

/** Turns an untrusted payload into the contract's request for one subject, or throws a `DomainError` saying what is wrong. */
export type CommandParser<S extends CommandSubject> = (payload: unknown) => CommandRequest<S>;

/** A handler of `S`: takes the contract's request, answers the contract's result. */
export type CommandEndpointMethod<S extends CommandSubject> = (request: CommandRequest<S>) => Promise<CommandReplyOf<S>>;

class ParseCommandPipe<S extends CommandSubject> implements PipeTransform<unknown, CommandRequest<S>> {
  constructor(private readonly parse: CommandParser<S>) {}

  transform(payload: unknown): CommandRequest<S> {
    return this.parse(payload);
  }
}

/**
 * Handles the command on `subject` (`CommandContract` in @keyward/contracts). The payload is parsed
 * once, here, after the untrusted-input pipe; the method's parameter and answer must be the
 * contract's, so the gateway and key-command cannot disagree on a subject and still compile.
 */
export const CommandEndpoint =
  <S extends CommandSubject>(subject: S, parse: CommandParser<S>) =>
  (target: object, method: string | symbol, descriptor: TypedPropertyDescriptor<CommandEndpointMethod<S>>): void => {
    MessagePattern(subject)(target, method, descriptor);
    UsePipes(new ParseCommandPipe(parse))(target, method, descriptor);
  };
