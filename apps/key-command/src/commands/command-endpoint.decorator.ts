import type { CommandReplyOf, CommandRequest, CommandSubject } from '@keyward/contracts';

/** Turns an untrusted payload into the contract's request for one subject, or throws a `DomainError` saying what is wrong. */
export type CommandParser<S extends CommandSubject> = (payload: unknown) => CommandRequest<S>;

/** A handler of `S`: takes the contract's request, answers the contract's result. */
export type CommandEndpointMethod<S extends CommandSubject> = (request: CommandRequest<S>) => Promise<CommandReplyOf<S>>;

/** One endpoint as `CommandResponder` serves it: the subject, its parser and the method's name on the controller. */
export interface CommandEndpointBinding {
  readonly subject: CommandSubject;
  readonly parse: (payload: unknown) => unknown;
  readonly method: string | symbol;
}

const ENDPOINTS = Symbol('keyward:command-endpoints');

/** The endpoints a controller class declares, in the order written. */
export const commandEndpointsOf = (controller: object): readonly CommandEndpointBinding[] =>
  (Reflect.getMetadata(ENDPOINTS, controller) as CommandEndpointBinding[] | undefined) ?? [];

/**
 * Handles the command on `subject` (`CommandContract` in @keyward/contracts). The payload is parsed
 * once, by `parse`, after the untrusted-input check; the method's parameter and answer must be the
 * contract's, so the gateway and key-command cannot disagree on a subject and still compile.
 */
export const CommandEndpoint =
  <S extends CommandSubject>(subject: S, parse: CommandParser<S>) =>
  (target: object, method: string | symbol, _descriptor: TypedPropertyDescriptor<CommandEndpointMethod<S>>): void => {
    Reflect.defineMetadata(ENDPOINTS, [...commandEndpointsOf(target.constructor), { subject, parse, method }], target.constructor);
  };
