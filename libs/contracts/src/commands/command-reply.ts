import type { ErrorCode } from '../errors';
import type { PositionToken } from '../position-token';

export interface CommandRejection {
  readonly code: ErrorCode;
  readonly message: string;
  /** The input at fault, for validation failures. */
  readonly field?: string;
}

/** key-command's answer: the result and the position of the last event appended, or why not. */
export type CommandReply<Result> =
  | { readonly ok: true; readonly result: Result; readonly position: PositionToken }
  | { readonly ok: false; readonly error: CommandRejection };
